package dev.toolwire.processor;

import java.util.regex.Pattern;

/** Turns Javadoc text into the one-line plain sentences an agent reads. */
final class Docs {
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain|value)\\s+([^}]*)}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    private Docs() {}

    /** @return the text without inline tags, HTML tags and line breaks; empty for {@code null} */
    static String clean(String javadoc) {
        if (javadoc == null) {
            return "";
        }
        String text = INLINE_TAG.matcher(javadoc).replaceAll("$1");
        text = HTML_TAG.matcher(text).replaceAll(" ");
        return text.replaceAll("\\s+", " ").trim();
    }

    /** @return the text as a sentence: first letter upper case, ending with a full stop (or ? or !) */
    static String sentence(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        String capital = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
        char last = capital.charAt(capital.length() - 1);
        return last == '.' || last == '?' || last == '!' ? capital : capital + ".";
    }
}
