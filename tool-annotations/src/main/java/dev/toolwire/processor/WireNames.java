package dev.toolwire.processor;

import java.util.Locale;

/** Turns Java names into wire names under the {@code -Atoolwire.naming} option (SPEC §2). */
final class WireNames {
    private final boolean snakeCase;

    WireNames(boolean snakeCase) {
        this.snakeCase = snakeCase;
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
     * {@code phoneNumber} becomes {@code phone_number}, {@code parseURLValue} becomes
     * {@code parse_url_value}, and a run of digits is a word of its own: {@code open24Hours} becomes
     * {@code open_24_hours}, {@code address2Line} {@code address_2_line}.
     */
    static String snakeCase(String name) {
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
