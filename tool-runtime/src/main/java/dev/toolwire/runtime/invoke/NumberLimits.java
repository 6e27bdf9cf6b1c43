package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Bounds on the numbers a caller may send. A literal such as {@code 1e999999999} is short, but
 * turning it into an integer or plain digits makes a billion-digit value; numbers outside these
 * bounds are refused before anything converts them.
 */
final class NumberLimits {

    /** The most significant digits a number may have. */
    static final int MAX_DIGITS = 100;
    /** The largest decimal exponent, either way, a number may have. */
    static final int MAX_EXPONENT = 1000;

    private NumberLimits() {}

    static boolean reasonable(BigDecimal number) {
        return number.precision() <= MAX_DIGITS && Math.abs((long) number.scale()) <= MAX_EXPONENT;
    }

    /**
     * Whether every number in a tree is reasonable.
     *
     * @param node the tree, at most as deep as the parser allowed
     * @return {@code false} when any number is out of bounds
     */
    static boolean reasonable(JsonNode node) {
        if (node.isBigDecimal()) {
            return reasonable(node.decimalValue());
        }
        for (JsonNode child : node) {
            if (!reasonable(child)) {
                return false;
            }
        }
        return true;
    }
}
