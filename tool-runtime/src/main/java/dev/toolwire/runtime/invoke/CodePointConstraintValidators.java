package dev.toolwire.runtime.invoke;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.DefaultConstraintValidators;
import io.micronaut.validation.validator.constraints.SizeValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Micronaut Validation's validators, except that {@code @Size} on text counts code points, as JSON
 * Schema's {@code minLength}/{@code maxLength} do, not UTF-16 units: the schema the agent reads and
 * the Java check then agree on what "at most 200 characters" means (120 emoji are 120 characters,
 * not 240). Micronaut's built-in validators win over validator beans, so the registry itself is
 * replaced, delegating everything else. This holds for the whole application, tools or not; set
 * {@code toolwire.validation.code-point-size=false} to keep Micronaut's UTF-16 count.
 */
@Singleton
@Internal
@Replaces(DefaultConstraintValidators.class)
@Requires(property = "toolwire.validation.code-point-size", notEquals = "false")
public class CodePointConstraintValidators extends DefaultConstraintValidators {

    private static final SizeValidator<CharSequence> CODE_POINTS = text -> Character.codePointCount(text, 0, text.length());

    /**
     * Creates the registry.
     *
     * @param beanContext where validator beans are found
     */
    @Inject
    public CodePointConstraintValidators(@Nullable BeanContext beanContext) {
        super(beanContext);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends Annotation, T> Optional<ConstraintValidator<A, T>> findConstraintValidator(Class<A> constraintType,
            Class<T> targetType) {
        if (constraintType == Size.class && CharSequence.class.isAssignableFrom(targetType)) {
            return Optional.of((ConstraintValidator<A, T>) CODE_POINTS);
        }
        return super.findConstraintValidator(constraintType, targetType);
    }
}
