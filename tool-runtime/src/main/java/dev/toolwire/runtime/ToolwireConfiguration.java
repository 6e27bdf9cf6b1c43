package dev.toolwire.runtime;

import dev.toolwire.processor.WireNames;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Application-wide settings ({@code toolwire.*}).
 *
 * @param publicUrl {@code toolwire.public-url}: where Hamsa reaches this server, e.g.
 *     {@code https://tools.example.com}; tool paths are appended to it. Unset by default, in which
 *     case {@code http://localhost:<micronaut.server.port, else 8080>} is used.
 * @param naming {@code toolwire.naming}: how the properties and enum values of results are named,
 *     {@code snake_case} ({@code customerId} as {@code customer_id}, {@code HOME_DELIVERY} as
 *     {@code home_delivery}) or {@code as_is} (Java names and constants as declared). Unset by
 *     default, in which case each tool's results are named as its arguments are
 *     ({@code -Atoolwire.naming}, whose default is {@code snake_case}).
 */
@ConfigurationProperties(ToolwireConfiguration.PREFIX)
public record ToolwireConfiguration(@Nullable URI publicUrl, @Nullable String naming) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire";

    /**
     * Checks the naming.
     *
     * @param publicUrl where Hamsa reaches this server
     * @param naming how results are named
     * @throws ConfigurationException for a naming other than {@code snake_case} or {@code as_is}
     */
    public ToolwireConfiguration {
        if (naming != null) {
            naming = naming.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (naming.isEmpty()) {
                naming = null;
            } else if (!WireNames.isNaming(naming)) {
                throw new ConfigurationException(PREFIX + ".naming is '" + naming + "', but it must be "
                        + WireNames.SNAKE_CASE + " or " + WireNames.AS_IS + ".");
            }
        }
    }
}
