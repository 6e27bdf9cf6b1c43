package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolErrorMapper;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.descriptor.Binding;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jakarta constraint violations (from the method's own {@code @Valid} checks) become
 * {@code 400 INVALID_ARGUMENTS}, each violation named by its wire path as a schema violation of the
 * same value would be ({@code /delivery/delivery_date}, never the Java {@code deliveryDate}).
 */
@Singleton
@Internal
final class ConstraintViolationMapper implements ToolErrorMapper {

    private final DefaultToolRegistry registry;

    ConstraintViolationMapper(DefaultToolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return BUILT_IN;
    }

    @Override
    public Optional<ToolException> map(Throwable error, ToolContext call) {
        if (!(error instanceof ConstraintViolationException violations)) {
            return Optional.empty();
        }
        Optional<RegisteredTool> tool = registry.find(call.toolName());
        List<ToolException.Detail> details = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            String path = tool.map(t -> pointer(t, violation.getPropertyPath())).orElse("");
            String name = SchemaValidator.displayName(path);
            details.add(new ToolException.Detail(path, "'" + name + "' " + violation.getMessage()));
        }
        if (details.isEmpty()) {
            details.add(new ToolException.Detail("", "the arguments are invalid"));
        }
        return Optional.of(ToolInvoker.rejected(details));
    }

    /**
     * The JSON pointer of a Java violation in the wire's names: the parameter's wire name, then each
     * nested property's wire name (found through the parameter's binding, as the arguments were
     * renamed on the way in) and each element's index or key.
     */
    private static String pointer(RegisteredTool tool, Path path) {
        Argument<?>[] arguments = tool.method().getArguments();
        List<ToolDescriptor.Parameter> parameters = tool.descriptor().invocation().parameters();
        StringBuilder sb = new StringBuilder();
        Binding binding = Binding.VALUE;
        int index = 0;
        for (Path.Node node : path) {
            index++;
            if (index == 1) {
                continue; // the method node
            }
            if (index == 2) {
                String name = node.getName();
                for (int i = 0; i < arguments.length && i < parameters.size(); i++) {
                    if (arguments[i].getName().equals(name)) {
                        ToolDescriptor.Parameter parameter = parameters.get(i);
                        name = parameter.name() == null ? name : parameter.name();
                        binding = parameter.binding() == null ? Binding.VALUE : parameter.binding();
                    }
                }
                sb.append('/').append(name);
                continue;
            }
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    sb.append('/').append(position);
                }
                binding = binding instanceof Binding.Array array ? array.items()
                        : binding instanceof Binding.MapOf map ? map.values() : Binding.VALUE;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue; // an element's own constraint: its index or key is the whole name
            }
            String name = node.getName();
            if (binding instanceof Binding.Properties properties) {
                Binding next = Binding.VALUE;
                for (Map.Entry<String, Binding.Property> property : properties.properties().entrySet()) {
                    if (property.getValue().javaName().equals(name)) {
                        name = property.getKey();
                        next = property.getValue().binding();
                    }
                }
                binding = next;
            } else {
                binding = Binding.VALUE;
            }
            sb.append('/').append(name);
        }
        return sb.toString();
    }
}
