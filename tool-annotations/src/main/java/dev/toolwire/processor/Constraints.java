package dev.toolwire.processor;

import dev.toolwire.processor.TypeModel.Kind;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.AnnotationValue;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** Constraints the schema keywords above express; every other constraint is said in words. */
    private static final Set<String> EXPRESSED = Set.of(Names.NOT_NULL, Names.NOT_BLANK, Names.NOT_EMPTY, Names.SIZE,
            Names.MIN, Names.MAX, Names.DECIMAL_MIN, Names.DECIMAL_MAX, Names.POSITIVE, Names.POSITIVE_OR_ZERO,
            Names.NEGATIVE, Names.NEGATIVE_OR_ZERO, Names.PATTERN, Names.EMAIL);

    /**
     * The rules of the constraints JSON Schema cannot express ({@code @Past}, {@code @Future} and their
     * {@code OrPresent} forms, {@code @Digits}, {@code @AssertTrue}/{@code @AssertFalse}, an application's
     * own constraints), each as a sentence for the argument's description: the runtime enforces them,
     * so the agent must be told them, or it cannot fill the argument right the first time.
     *
     * @return one sentence per constraint, in declaration order; empty when the schema says it all
     */
    static List<String> unexpressed(AnnotationMetadata metadata) {
        List<String> sentences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : metadata.getAnnotationNamesByStereotype(Names.CONSTRAINT)) {
            String constraint = name.endsWith("$List") ? name.substring(0, name.length() - "$List".length()) : name;
            if (EXPRESSED.contains(constraint) || !seen.add(constraint)) {
                continue;
            }
            List<AnnotationValue<Annotation>> repeated = values(metadata, constraint);
            AnnotationValue<Annotation> single = metadata.getAnnotation(constraint);
            // Jakarta's own constraints are stored in their $List containers, an application's in place.
            for (AnnotationValue<Annotation> value : repeated.isEmpty() && single != null ? List.of(single) : repeated) {
                sentences.add(sentence(constraint, value));
            }
        }
        return sentences;
    }

    private static String sentence(String constraint, AnnotationValue<Annotation> value) {
        Optional<String> message = value.stringValue("message").filter(m -> !m.isBlank() && !m.startsWith("{"));
        if (message.isPresent()) {
            return Docs.sentence(message.get());
        }
        switch (constraint) {
            case Names.PAST: return "Must be in the past.";
            case Names.PAST_OR_PRESENT: return "Must not be in the future.";
            case Names.FUTURE: return "Must be in the future.";
            case Names.FUTURE_OR_PRESENT: return "Must not be in the past.";
            case Names.ASSERT_TRUE: return "Must be true.";
            case Names.ASSERT_FALSE: return "Must be false.";
            case Names.DIGITS: {
                int integer = value.intValue("integer").orElse(0);
                int fraction = value.intValue("fraction").orElse(0);
                return fraction == 0
                        ? "A whole number of at most " + digits(integer) + "."
                        : "At most " + digits(integer) + " before the decimal point and " + digits(fraction) + " after it.";
            }
            default: {
                String simple = constraint.substring(constraint.lastIndexOf('.') + 1).replace('$', ' ');
                String words = WireNames.snakeCase(simple).replace('_', ' ');
                return words.startsWith("valid ") ? "Must be a " + words + "." : "Must pass the " + words + " check.";
            }
        }
    }

    private static String digits(int count) {
        return count + (count == 1 ? " digit" : " digits");
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
