package dev.toolwire.runtime.invoke;

import com.github.curiousoddman.rgxgen.RgxGen;
import com.github.curiousoddman.rgxgen.config.RgxGenOption;
import com.github.curiousoddman.rgxgen.config.RgxGenProperties;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A short value that matches a schema's {@code pattern}, for the sentence a caller hears when an
 * argument does not ({@code 'order_id' must look like ORD-64540}) and the parameter has no
 * {@code @ToolParam(example)}. Made by RgxGen, the same for a pattern on every call and every replica
 * (the generator is seeded by the pattern), kept only when Java's regex engine agrees it matches and it
 * is short enough to say ({@code +} and {@code *} repeat at most five times); patterns come from
 * descriptors, so the cache is bounded by them.
 */
final class PatternExamples {
    private static final int SPEAKABLE = 32;
    private static final int TRIES = 8;
    /** How often {@code +} and {@code *} repeat: a few, as a person would give an example. */
    private static final int OPEN_REPETITIONS = 5;
    private static final Map<String, Optional<String>> EXAMPLES = new ConcurrentHashMap<>();

    private PatternExamples() {}

    /**
     * An example of a pattern.
     *
     * @param pattern a JSON Schema {@code pattern}
     * @return a matching value, or empty when none short enough could be made
     */
    static Optional<String> of(String pattern) {
        return EXAMPLES.computeIfAbsent(pattern, PatternExamples::make);
    }

    private static Optional<String> make(String pattern) {
        try {
            Pattern matcher = Pattern.compile(pattern);
            RgxGenProperties properties = new RgxGenProperties();
            RgxGenOption.INFINITE_PATTERN_REPETITION.setInProperties(properties, OPEN_REPETITIONS);
            RgxGen generator = RgxGen.parse(properties, pattern);
            Random random = new Random(pattern.hashCode());
            for (int i = 0; i < TRIES; i++) {
                String example = generator.generate(random);
                if (example.length() <= SPEAKABLE && matcher.matcher(example).find()) {
                    return Optional.of(example);
                }
            }
        } catch (RuntimeException e) {
            // A pattern RgxGen cannot read: the caller hears the generic sentence.
        }
        return Optional.empty();
    }
}
