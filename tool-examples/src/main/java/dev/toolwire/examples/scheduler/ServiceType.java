package dev.toolwire.examples.scheduler;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of appointment the service center books; every one takes an hour. */
public enum ServiceType {
    /** A talk with an advisor. */
    CONSULTATION("CON"),
    /** A technician fixes a device. */
    REPAIR("RPR"),
    /** A technician installs new equipment. */
    INSTALLATION("INS"),
    /** A scheduled check-up. */
    MAINTENANCE("MNT");

    private final String code;

    ServiceType(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ServiceType> byCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
