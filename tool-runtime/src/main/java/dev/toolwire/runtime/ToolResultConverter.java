package dev.toolwire.runtime;

import io.micronaut.core.order.Ordered;

/**
 * Turns what a tool method returned into what is sent, for types whose JSON the application wants
 * to shape itself: a money type spoken as {@code "1250.50 AED"}, a domain object reduced to what the
 * agent may see, a type from a library that is not {@code @Serdeable}. Declare one as a bean:
 *
 * <pre>{@code
 * @Singleton
 * final class MoneyConverter implements ToolResultConverter {
 *     public boolean converts(Class<?> type) {
 *         return type == Money.class;
 *     }
 *
 *     public Object convert(Object value, ToolContext call) {
 *         Money money = (Money) value;
 *         return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
 *     }
 * }
 * }</pre>
 *
 * <p>The first converter (in {@link Ordered} order) that {@link #converts} the value's class is
 * used, once per result; what it returns is then written like any result (a scalar as
 * {@code {"result": ...}}, a record or map as it is). It sees the value after a
 * {@code CompletionStage}, {@code Publisher} or {@code Optional} was unwrapped, never {@code null}.
 * A converter that throws fails the call with {@code 500 INTERNAL_ERROR}.
 *
 * @since 0.1
 */
public interface ToolResultConverter extends Ordered {

    /**
     * Whether this converter shapes values of a class.
     *
     * @param type the runtime class of a result
     * @return {@code true} to be asked to {@link #convert} it; called once per class, then remembered
     */
    boolean converts(Class<?> type);

    /**
     * Converts a result.
     *
     * @param value the result, of a class this converter {@link #converts}
     * @param call the call that returned it
     * @return what to write instead; {@code null} is written as {@code {"result": null}}
     */
    Object convert(Object value, ToolContext call);
}
