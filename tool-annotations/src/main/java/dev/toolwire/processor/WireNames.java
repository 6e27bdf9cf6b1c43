package dev.toolwire.processor;

import io.micronaut.core.annotation.Internal;
import java.util.Locale;

/**
 * Turns Java names into wire names under the {@code -Atoolwire.naming} option (SPEC §2). Public only
 * so that the runtime names results with the very same rule ({@code toolwire.naming}); not an API.
 */
@Internal
public final class WireNames {
    /** The naming that turns {@code phoneNumber} into {@code phone_number}, the default. */
    public static final String SNAKE_CASE = "snake_case";
    /** The naming that keeps Java names as they are. */
    public static final String AS_IS = "as_is";

    private final boolean snakeCase;

    /**
     * Whether a text names a naming.
     *
     * @param naming the text
     * @return {@code true} for {@link #SNAKE_CASE} and {@link #AS_IS}
     */
    public static boolean isNaming(String naming) {
        return SNAKE_CASE.equals(naming) || AS_IS.equals(naming);
    }

    WireNames(boolean snakeCase) {
        this.snakeCase = snakeCase;
    }

    /** @return {@link #SNAKE_CASE} or {@link #AS_IS}, as the descriptor records it */
    String naming() {
        return snakeCase ? SNAKE_CASE : AS_IS;
    }

    /** @return the wire name of a parameter or property */
    String property(String javaName) {
        return snakeCase ? snakeCase(javaName) : javaName;
    }

    /** @return the wire value of an enum constant: lower-cased under snake_case, as declared otherwise */
    String enumConstant(String constant) {
        return snakeCase ? constant.toLowerCase(Locale.ROOT) : constant;
    }

    /**
     * The snake_case wire name of a Java name: {@code phoneNumber} becomes {@code phone_number}, {@code parseURLValue} becomes
     * {@code parse_url_value}, and a run of digits is a word of its own: {@code open24Hours} becomes
     * {@code open_24_hours}, {@code address2Line} {@code address_2_line}.
     *
     * @param name a Java name
     * @return its snake_case form
     */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && (Character.isUpperCase(c) && startsWord(name, i) || startsNumber(name, i))) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static boolean startsNumber(String name, int i) {
        return Character.isDigit(name.charAt(i)) && Character.isLetter(name.charAt(i - 1));
    }

    private static boolean startsWord(String name, int i) {
        char previous = name.charAt(i - 1);
        if (previous == '_') {
            return false;
        }
        boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        return Character.isLowerCase(previous) || Character.isDigit(previous)
                || (Character.isUpperCase(previous) && nextIsLower);
    }
}
