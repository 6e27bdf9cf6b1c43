package dev.toolwire.runtime.invoke;

import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.config.naming.PropertyNamingStrategy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The application's Micronaut Serialization settings with one change, the property naming of tool
 * results ({@link WireNamingStrategy}): dates, time zones, nesting limits and the rest stay as the
 * application configured them.
 */
final class WireNamingConfiguration implements SerdeConfiguration {
    private final SerdeConfiguration application;
    private final PropertyNamingStrategy naming;

    WireNamingConfiguration(SerdeConfiguration application, PropertyNamingStrategy naming) {
        this.application = application;
        this.naming = naming;
    }

    @Override
    public PropertyNamingStrategy getPropertyNamingStrategy() {
        return naming;
    }

    @Override
    public String getPropertyNamingStrategyName() {
        return null;
    }

    @Override
    public Optional<String> getDateFormat() {
        return application.getDateFormat();
    }

    @Override
    public boolean isInetAddressAsNumeric() {
        return application.isInetAddressAsNumeric();
    }

    @Override
    public TimeShape getTimeWriteShape() {
        return application.getTimeWriteShape();
    }

    @Override
    public NumericTimeUnit getNumericTimeUnit() {
        return application.getNumericTimeUnit();
    }

    @Override
    public boolean isWriteBinaryAsArray() {
        return application.isWriteBinaryAsArray();
    }

    @Override
    public Optional<Locale> getLocale() {
        return application.getLocale();
    }

    @Override
    public Optional<TimeZone> getTimeZone() {
        return application.getTimeZone();
    }

    @Override
    public List<String> getIncludedIntrospectionPackages() {
        return application.getIncludedIntrospectionPackages();
    }

    @Override
    public int getMaximumNestingDepth() {
        return application.getMaximumNestingDepth();
    }

    @Override
    public boolean isJsonViewEnabled() {
        return application.isJsonViewEnabled();
    }
}
