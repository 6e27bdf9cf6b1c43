package dev.toolwire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link Tool} retry-safe: a call identical to one made within {@link #windowSeconds()}
 * (same tool, same arguments after defaults, same authenticated caller) answers the first call's
 * status and body instead of acting again, and an identical call that arrives while the first still
 * runs waits for it. Use it on tools with side effects (creating a ticket, booking a slot) that a
 * voice platform may call twice. Failures with a {@code 5xx} status (including {@code TIMEOUT}) are
 * not remembered, so a retry after one acts again.
 *
 * <pre>{@code
 * @Tool
 * @Idempotent(windowSeconds = 300)
 * public Ticket createSupportTicket(String customerEmail, String subject) { ... }
 * }</pre>
 *
 * @since 1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {

    /**
     * How long after the first call finished an identical call gets its outcome, in seconds; at least 1.
     *
     * @return the window, 300 by default
     */
    int windowSeconds() default 300;
}
