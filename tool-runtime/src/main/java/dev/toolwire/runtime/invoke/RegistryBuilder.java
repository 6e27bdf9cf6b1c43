package dev.toolwire.runtime.invoke;

import com.networknt.schema.Schema;
import dev.toolwire.annotations.Tool;
import dev.toolwire.runtime.descriptor.DescriptorException;
import dev.toolwire.runtime.descriptor.DescriptorLoader;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.context.BeanContext;
import io.micronaut.inject.ExecutableMethod;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Finds each tool method's descriptor by the tool name in the method's metadata and checks the
 * result: every tool method has its descriptor (describing that very method), no two tools share a
 * route, and every schema compiles. Descriptors of disabled beans are never read.
 */
final class RegistryBuilder {

    private RegistryBuilder() {}

    /**
     * Builds the registry: each {@code @Tool} method's descriptor is read by the name the generator
     * wrote into the method's metadata, and each job tool's status tool by the name its descriptor
     * gives.
     *
     * @param defaults the application's auth mode and result naming
     * @param unjoined told about each {@code @Tool} method without its descriptor, or whose descriptor
     *     describes another method (that tool is left out); it may throw to stop the start
     */
    static Map<String, RegisteredTool> build(BeanContext context, List<ToolMethodCollector.ToolMethod> methods,
            ToolDefaults defaults, Consumer<DescriptorException> unjoined) {
        ClassLoader classLoader = context.getClassLoader();
        Map<String, RegisteredTool> tools = new TreeMap<>();
        for (ToolMethodCollector.ToolMethod m : methods) {
            Optional<ToolDescriptor> descriptor = descriptorOf(classLoader, m.method(), unjoined);
            if (descriptor.isPresent() && !tools.containsKey(descriptor.get().name())) {
                tools.put(descriptor.get().name(),
                        new RegisteredTool(descriptor.get(), m.bean(), m.method(), compile(descriptor.get()), defaults));
            }
        }
        addJobStatusTools(classLoader, tools, defaults);
        checkRoutes(tools);
        return tools;
    }

    private static Optional<ToolDescriptor> descriptorOf(ClassLoader classLoader, ExecutableMethod<?, ?> method,
            Consumer<DescriptorException> unjoined) {
        String signature = RegisteredTool.signature(method);
        Optional<String> name = method.stringValue(Tool.class, "name").filter(n -> !n.isBlank());
        if (name.isEmpty()) {
            unjoined.accept(new DescriptorException("@Tool method " + signature + " was compiled without the Toolwire"
                    + " generator. Add dev.toolwire:tool-annotations to the annotationProcessorPaths of"
                    + " maven-compiler-plugin and rebuild."));
            return Optional.empty();
        }
        Optional<ToolDescriptor> descriptor = DescriptorLoader.load(classLoader, name.get());
        if (descriptor.isEmpty()) {
            unjoined.accept(new DescriptorException("@Tool method " + signature + " (tool '" + name.get()
                    + "') has no descriptor under " + DescriptorLoader.FOLDER + ". Rebuild the application."));
            return Optional.empty();
        }
        if (!key(descriptor.get()).equals(key(method))) {
            unjoined.accept(new DescriptorException("Tool '" + name.get() + "' (" + descriptor.get().source()
                    + ") describes " + key(descriptor.get()) + ", not " + key(method)
                    + ". Rebuild the application to refresh its descriptors."));
            return Optional.empty();
        }
        return descriptor;
    }

    /** Serves the status tool of every served job-mode tool, read by the name its descriptor gives. */
    private static void addJobStatusTools(ClassLoader classLoader, Map<String, RegisteredTool> tools, ToolDefaults defaults) {
        for (RegisteredTool tool : List.copyOf(tools.values())) {
            ToolDescriptor.Job job = tool.descriptor().job();
            if (job == null) {
                continue;
            }
            ToolDescriptor status = DescriptorLoader.load(classLoader, job.statusTool()).orElse(null);
            if (status == null || !tool.name().equals(status.jobStatusOf())) {
                throw new DescriptorException("Job tool '" + tool.name() + "' (" + tool.descriptor().source()
                        + ") reports through '" + job.statusTool() + "', but there is no such job status descriptor."
                        + " Rebuild the application so the generator writes it.");
            }
            tools.put(status.name(), new RegisteredTool(status, null, null, compile(status), defaults));
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

    static String key(ToolDescriptor descriptor) {
        ToolDescriptor.Invocation invocation = descriptor.invocation();
        return invocation.className() + "#" + invocation.methodName() + "(" + String.join(",", invocation.javaTypes()) + ")";
    }

    static String key(ExecutableMethod<?, ?> method) {
        return method.getDeclaringType().getName() + "#" + method.getMethodName() + "("
                + Arrays.stream(method.getArgumentTypes()).map(Class::getTypeName).collect(Collectors.joining(",")) + ")";
    }
}
