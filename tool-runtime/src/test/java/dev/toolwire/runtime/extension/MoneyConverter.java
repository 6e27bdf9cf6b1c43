package dev.toolwire.runtime.extension;

import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolResultConverter;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Says money as an agent would: "1250.50 AED". */
@Singleton
@Requires(property = "spec.name", value = "ExtensionPointsTest")
final class MoneyConverter implements ToolResultConverter {

    @Override
    public boolean converts(Class<?> type) {
        return type == Money.class;
    }

    @Override
    public Object convert(Object value, ToolContext call) {
        Money money = (Money) value;
        return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
    }
}
