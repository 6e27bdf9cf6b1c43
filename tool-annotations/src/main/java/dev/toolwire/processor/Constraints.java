package dev.toolwire.processor;

import dev.toolwire.processor.TypeModel.Kind;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.AnnotationValue;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Translates Jakarta Bean Validation constraints into JSON Schema keywords. Constraints are read with
 * {@code getAnnotationValuesByName}, because Micronaut stores them in their repeatable {@code $List}
 * containers (stack.md pitfall 6). A constraint that does not fit the JSON kind is ignored, as bean
 * validation would reject it at run time anyway.
 */
final class Constraints {
    private Constraints() {}

    /**
     * Adds the keywords of every constraint in {@code metadata} to the model's schema.
     *
     * @return whether a constraint ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}) makes the argument required
     */
    static boolean apply(AnnotationMetadata metadata, TypeModel type) {
        Map<String, Object> schema = type.schema();
        Kind kind = type.kind();
        SizeKeywords sizeKeywords = sizeKeywords(kind);
        boolean required = present(metadata, Names.NOT_NULL);
        if (present(metadata, Names.NOT_BLANK) || present(metadata, Names.NOT_EMPTY)) {
            required = true;
            sizeKeywords.ifPresentMin(schema, 1L);
        }
        for (AnnotationValue<Annotation> size : values(metadata, Names.SIZE)) {
            int min = size.intValue("min").orElse(0);
            int max = size.intValue("max").orElse(Integer.MAX_VALUE);
            if (min > 0) {
                sizeKeywords.ifPresentMin(schema, min);
            }
            if (max < Integer.MAX_VALUE) {
                sizeKeywords.max(schema, max);
            }
        }
        if (kind == Kind.INTEGER || kind == Kind.NUMBER) {
            numeric(metadata, schema);
        }
        if (kind == Kind.STRING || kind == Kind.FORMATTED) {
            values(metadata, Names.PATTERN).forEach(p -> p.stringValue("regexp").ifPresent(r -> schema.put("pattern", r)));
            if (present(metadata, Names.EMAIL)) {
                schema.put("format", "email");
            }
        }
        return required;
    }

    private static void numeric(AnnotationMetadata metadata, Map<String, Object> schema) {
        values(metadata, Names.MIN).forEach(v -> v.longValue().ifPresent(n -> schema.put("minimum", n)));
        values(metadata, Names.MAX).forEach(v -> v.longValue().ifPresent(n -> schema.put("maximum", n)));
        values(metadata, Names.DECIMAL_MIN).forEach(v -> decimal(v, schema, "minimum", "exclusiveMinimum"));
        values(metadata, Names.DECIMAL_MAX).forEach(v -> decimal(v, schema, "maximum", "exclusiveMaximum"));
        if (present(metadata, Names.POSITIVE)) {
            schema.put("exclusiveMinimum", 0L);
        }
        if (present(metadata, Names.POSITIVE_OR_ZERO)) {
            schema.put("minimum", 0L);
        }
        if (present(metadata, Names.NEGATIVE)) {
            schema.put("exclusiveMaximum", 0L);
        }
        if (present(metadata, Names.NEGATIVE_OR_ZERO)) {
            schema.put("maximum", 0L);
        }
    }

    private static void decimal(AnnotationValue<Annotation> value, Map<String, Object> schema,
            String inclusiveKey, String exclusiveKey) {
        value.stringValue().ifPresent(text -> {
            boolean inclusive = value.booleanValue("inclusive").orElse(true);
            schema.put(inclusive ? inclusiveKey : exclusiveKey, number(text));
        });
    }

    /** @return the bound as a long when it is integral, so {@code "10"} is written {@code 10} rather than {@code 10.0} */
    private static Object number(String text) {
        BigDecimal decimal = new BigDecimal(text.trim());
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException notIntegral) {
            return decimal;
        }
    }

    private static boolean present(AnnotationMetadata metadata, String name) {
        return !values(metadata, name).isEmpty();
    }

    private static List<AnnotationValue<Annotation>> values(AnnotationMetadata metadata, String name) {
        return metadata.getAnnotationValuesByName(name);
    }

    private static SizeKeywords sizeKeywords(Kind kind) {
        return switch (kind) {
            case STRING, FORMATTED -> new SizeKeywords("minLength", "maxLength");
            case ARRAY -> new SizeKeywords("minItems", "maxItems");
            case MAP -> new SizeKeywords("minProperties", "maxProperties");
            default -> new SizeKeywords(null, null);
        };
    }

    /** The size keywords of one JSON kind; {@code null} names mean the kind has no size. */
    private record SizeKeywords(String minKey, String maxKey) {
        void ifPresentMin(Map<String, Object> schema, long min) {
            if (minKey != null) {
                schema.merge(minKey, min, (a, b) -> Math.max((Long) a, (Long) b));
            }
        }

        void max(Map<String, Object> schema, int max) {
            if (maxKey != null) {
                schema.put(maxKey, (long) max);
            }
        }
    }
}
