package dev.toolwire.runtime.invoke;

import com.networknt.schema.Schema;
import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.descriptor.DescriptorException;
import dev.toolwire.runtime.descriptor.DescriptorLoader;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.context.BeanContext;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.inject.BeanDefinitionReference;
import io.micronaut.inject.ExecutableMethod;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins descriptors with tool methods by class name, method name and parameter types, and checks
 * the result: every descriptor has a bean (unless its bean is disabled by {@code @Requires}), every
 * tool method has a descriptor, no two tools share a route, and every schema compiles.
 */
final class RegistryBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryBuilder.class);

    private RegistryBuilder() {}

    /**
     * Builds the registry.
     *
     * @param defaultAuth the mode of tools declared {@code @Tool(auth = DEFAULT)}
     * @param unjoined told about each descriptor that cannot be joined with a bean method and each
     *     {@code @Tool} method without a descriptor (that tool is left out); it may throw to stop the start
     */
    static Map<String, RegisteredTool> build(BeanContext context, List<ToolMethodCollector.ToolMethod> methods,
            AuthMode defaultAuth, Consumer<DescriptorException> unjoined) {
        Map<String, ToolDescriptor> descriptors = DescriptorLoader.load(context.getClassLoader());
        Map<String, ToolDescriptor> bySignature = new HashMap<>();
        descriptors.values().forEach(d -> bySignature.put(key(d), d));
        Map<String, RegisteredTool> tools = new TreeMap<>();
        for (ToolMethodCollector.ToolMethod m : methods) {
            ToolDescriptor descriptor = bySignature.get(key(m.method()));
            if (descriptor == null) {
                unjoined.accept(new DescriptorException("@Tool method " + RegisteredTool.signature(m.method())
                        + " has no descriptor under " + DescriptorLoader.FOLDER + ". Add dev.toolwire:tool-annotations to "
                        + "the annotationProcessorPaths of maven-compiler-plugin and rebuild."));
                continue;
            }
            if (!tools.containsKey(descriptor.name())) {
                tools.put(descriptor.name(), new RegisteredTool(descriptor, m.bean(), m.method(), compile(descriptor), defaultAuth));
            }
        }
        addJobStatusTools(descriptors, tools, defaultAuth);
        Set<String> enabledBeans = null;
        for (ToolDescriptor descriptor : descriptors.values()) {
            if (!tools.containsKey(descriptor.name()) && descriptor.jobStatusOf() == null) {
                if (enabledBeans == null) {
                    enabledBeans = context.getBeanDefinitionReferences().stream()
                            .map(ref -> ref.getBeanType().getName())
                            .collect(Collectors.toSet());
                }
                checkUnserved(context, enabledBeans, descriptor).ifPresent(unjoined);
            }
        }
        checkRoutes(tools);
        return tools;
    }

    /**
     * Serves the status tool of every served job-mode tool; the status tool of a tool that is not
     * served (its bean is disabled) is not served either.
     */
    private static void addJobStatusTools(Map<String, ToolDescriptor> descriptors, Map<String, RegisteredTool> tools,
            AuthMode defaultAuth) {
        for (RegisteredTool tool : List.copyOf(tools.values())) {
            ToolDescriptor.Job job = tool.descriptor().job();
            if (job == null) {
                continue;
            }
            ToolDescriptor status = descriptors.get(job.statusTool());
            if (status == null || !tool.name().equals(status.jobStatusOf())) {
                throw new DescriptorException("Job tool '" + tool.name() + "' (" + tool.descriptor().source()
                        + ") reports through '" + job.statusTool() + "', but there is no such job status descriptor."
                        + " Rebuild the application so the generator writes it.");
            }
            tools.put(status.name(), new RegisteredTool(status, null, null, compile(status), defaultAuth));
        }
    }

    private static Schema compile(ToolDescriptor descriptor) {
        if (!descriptor.path().startsWith("/")) {
            throw new DescriptorException("Tool '" + descriptor.name() + "' has path '" + descriptor.path()
                    + "', which does not start with '/'.");
        }
        try {
            return SchemaValidator.compile(descriptor.params());
        } catch (RuntimeException e) {
            throw new DescriptorException("Tool '" + descriptor.name() + "' has a 'params' schema that does not compile: "
                    + e.getMessage(), e);
        }
    }

    private static void checkRoutes(Map<String, RegisteredTool> tools) {
        Map<String, String> routes = new HashMap<>();
        for (RegisteredTool tool : tools.values()) {
            ToolDescriptor d = tool.descriptor();
            String route = d.method() + " " + d.path().replaceAll("\\{[^}]*}", "{}");
            String other = routes.putIfAbsent(route, tool.name());
            if (other != null) {
                throw new DescriptorException("Tools '" + other + "' and '" + tool.name() + "' are both served at "
                        + d.method() + " " + d.path() + ". Give one a different @Tool(path = \"...\") or method.");
            }
        }
    }

    /**
     * A descriptor no enabled bean method matched: fine when its bean is disabled (for example by
     * {@code @Requires}), else a stale descriptor or a class that is not a bean.
     */
    private static Optional<DescriptorException> checkUnserved(
            BeanContext context, Set<String> enabledBeans, ToolDescriptor descriptor) {
        String className = descriptor.invocation().className();
        String where = "Tool '" + descriptor.name() + "' (" + descriptor.source() + ") calls " + className + "."
                + descriptor.invocation().methodName();
        if (enabledBeans.contains(className)) {
            return Optional.of(new DescriptorException(where + "(" + String.join(", ", descriptor.invocation().javaTypes())
                    + "), but the bean has no such @Tool method. Rebuild the application to refresh its descriptors."));
        }
        if (!hasBeanDefinition(context.getClassLoader(), className)) {
            return Optional.of(new DescriptorException(where + ", but no bean has that method. Annotate " + className
                    + " with @Singleton (or another bean scope), or rebuild to remove the stale descriptor."));
        }
        LOG.debug("Tool '{}' is not served: bean {} is disabled", descriptor.name(), className);
        return Optional.empty();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static boolean hasBeanDefinition(ClassLoader classLoader, String className) {
        String marker = "$" + className.substring(className.lastIndexOf('.') + 1) + "$Definition";
        List<BeanDefinitionReference> references = SoftServiceLoader
                .load(BeanDefinitionReference.class, classLoader, name -> name.contains(marker))
                .collectAll();
        for (BeanDefinitionReference<?> reference : references) {
            if (reference.getBeanType().getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    static String key(ToolDescriptor descriptor) {
        ToolDescriptor.Invocation invocation = descriptor.invocation();
        return invocation.className() + "#" + invocation.methodName() + "(" + String.join(",", invocation.javaTypes()) + ")";
    }

    static String key(ExecutableMethod<?, ?> method) {
        return method.getDeclaringType().getName() + "#" + method.getMethodName() + "("
                + Arrays.stream(method.getArgumentTypes()).map(Class::getTypeName).collect(Collectors.joining(",")) + ")";
    }
}
