package dev.toolwire.runtime.invoke;

import dev.toolwire.annotations.Tool;
import io.micronaut.context.processor.ExecutableMethodProcessor;
import io.micronaut.core.annotation.Internal;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives every {@code @Tool} method of every enabled bean at startup. The generator makes
 * {@code @Tool} carry {@code @Executable(processOnStartup = true)}, so Micronaut generates an invoker
 * for each and hands it here; nothing is reflective.
 */
@Singleton
@Internal
public final class ToolMethodCollector implements ExecutableMethodProcessor<Tool> {

    private final List<ToolMethod> methods = new ArrayList<>();

    @Override
    public synchronized void process(BeanDefinition<?> beanDefinition, ExecutableMethod<?, ?> method) {
        methods.add(new ToolMethod(beanDefinition, method));
    }

    /**
     * The methods received so far.
     *
     * @return a snapshot, in the order received
     */
    synchronized List<ToolMethod> methods() {
        return List.copyOf(methods);
    }

    /**
     * A tool method and the bean that declares it.
     *
     * @param bean the bean definition
     * @param method the generated invoker
     */
    record ToolMethod(BeanDefinition<?> bean, ExecutableMethod<?, ?> method) {}
}
