package dev.toolwire.processor;

/** Fully-qualified names the generator looks for, so the processor needs none of these on its class path. */
final class Names {
    static final String TOOL = "dev.toolwire.annotations.Tool";
    static final String TOOL_PARAM = "dev.toolwire.annotations.ToolParam";
    static final String JOB = "dev.toolwire.annotations.Job";
    static final String IDEMPOTENT = "dev.toolwire.annotations.Idempotent";
    static final String TOOL_CONTEXT = "dev.toolwire.runtime.ToolContext";
    static final String EXECUTABLE = "io.micronaut.context.annotation.Executable";
    static final String SERDEABLE = "io.micronaut.serde.annotation.Serdeable";
    static final String SERDEABLE_DESERIALIZABLE = "io.micronaut.serde.annotation.Serdeable$Deserializable";
    static final String SERDEABLE_SERIALIZABLE = "io.micronaut.serde.annotation.Serdeable$Serializable";

    /** The value of {@code ToolParam.NO_DEFAULT}, duplicated so the generator does not load the annotation. */
    static final String NO_DEFAULT = "\u0000toolwire:no-default";

    static final String OPTION_NAMING = "toolwire.naming";
    static final String OPTION_STRICT = "toolwire.strict";
    static final String OPTION_DEBUG = "toolwire.debug";

    private static final String JAKARTA = "jakarta.validation.constraints.";
    static final String NOT_NULL = JAKARTA + "NotNull";
    static final String NOT_BLANK = JAKARTA + "NotBlank";
    static final String NOT_EMPTY = JAKARTA + "NotEmpty";
    static final String SIZE = JAKARTA + "Size";
    static final String MIN = JAKARTA + "Min";
    static final String MAX = JAKARTA + "Max";
    static final String DECIMAL_MIN = JAKARTA + "DecimalMin";
    static final String DECIMAL_MAX = JAKARTA + "DecimalMax";
    static final String POSITIVE = JAKARTA + "Positive";
    static final String POSITIVE_OR_ZERO = JAKARTA + "PositiveOrZero";
    static final String NEGATIVE = JAKARTA + "Negative";
    static final String NEGATIVE_OR_ZERO = JAKARTA + "NegativeOrZero";
    static final String PATTERN = JAKARTA + "Pattern";
    static final String EMAIL = JAKARTA + "Email";
    static final String PAST = JAKARTA + "Past";
    static final String PAST_OR_PRESENT = JAKARTA + "PastOrPresent";
    static final String FUTURE = JAKARTA + "Future";
    static final String FUTURE_OR_PRESENT = JAKARTA + "FutureOrPresent";
    static final String DIGITS = JAKARTA + "Digits";
    static final String ASSERT_TRUE = JAKARTA + "AssertTrue";
    static final String ASSERT_FALSE = JAKARTA + "AssertFalse";
    /** The meta-annotation of every Jakarta constraint, built-in or an application's own. */
    static final String CONSTRAINT = "jakarta.validation.Constraint";

    private Names() {}
}
