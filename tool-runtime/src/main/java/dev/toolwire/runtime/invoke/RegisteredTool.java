package dev.toolwire.runtime.invoke;

import com.networknt.schema.Schema;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.core.annotation.Internal;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;

/** A descriptor joined with the bean method it describes and its compiled argument schema. */
@Internal
public final class RegisteredTool {

    private final ToolDescriptor descriptor;
    private final BeanDefinition<?> bean;
    private final ExecutableMethod<Object, Object> method;
    private final Schema schema;

    @SuppressWarnings("unchecked")
    RegisteredTool(ToolDescriptor descriptor, BeanDefinition<?> bean, ExecutableMethod<?, ?> method, Schema schema) {
        this.descriptor = descriptor;
        this.bean = bean;
        this.method = (ExecutableMethod<Object, Object>) method;
        this.schema = schema;
    }

    /**
     * The tool's descriptor.
     *
     * @return the descriptor
     */
    public ToolDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The tool name.
     *
     * @return the name
     */
    public String name() {
        return descriptor.name();
    }

    BeanDefinition<?> bean() {
        return bean;
    }

    ExecutableMethod<Object, Object> method() {
        return method;
    }

    Schema schema() {
        return schema;
    }

    /**
     * The Java method, for messages: {@code a.b.Tools.lookup(String, ToolContext)}.
     *
     * @return the signature
     */
    public String signature() {
        return signature(method);
    }

    static String signature(ExecutableMethod<?, ?> method) {
        StringBuilder sb = new StringBuilder(method.getDeclaringType().getName())
                .append('.').append(method.getMethodName()).append('(');
        Class<?>[] types = method.getArgumentTypes();
        for (int i = 0; i < types.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return descriptor.name() + " -> " + signature();
    }
}
