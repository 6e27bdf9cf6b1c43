package dev.toolwire.runtime.http;

import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.ReturnType;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.inject.MethodExecutionHandle;
import java.lang.reflect.Method;

/**
 * What one tool's route executes: {@link ToolEndpoint#handle(HttpRequest)}'s signature and metadata,
 * which Micronaut's router binds the request against, invoked for this route's own tool. The route
 * carries its {@link RegisteredTool}, so no call looks the tool up again by method and template.
 */
@Internal
final class ToolRouteHandle implements MethodExecutionHandle<Object, Object> {

    private final MethodExecutionHandle<Object, Object> signature;
    private final ToolEndpoint endpoint;
    private final RegisteredTool tool;

    /**
     * Creates the handle.
     *
     * @param signature Micronaut's handle of {@link ToolEndpoint#handle(HttpRequest)}
     * @param endpoint the handler
     * @param tool the tool this route serves
     */
    ToolRouteHandle(MethodExecutionHandle<Object, Object> signature, ToolEndpoint endpoint, RegisteredTool tool) {
        this.signature = signature;
        this.endpoint = endpoint;
        this.tool = tool;
    }

    @Override
    public Object invoke(Object... arguments) {
        return endpoint.handle(tool, (HttpRequest<?>) arguments[0]);
    }

    @Override
    public ExecutableMethod<Object, Object> getExecutableMethod() {
        return signature.getExecutableMethod();
    }

    @Override
    public Object getTarget() {
        return endpoint;
    }

    @Override
    public Class<Object> getDeclaringType() {
        return signature.getDeclaringType();
    }

    @Override
    public Argument<?>[] getArguments() {
        return signature.getArguments();
    }

    @Override
    public Method getTargetMethod() {
        return signature.getTargetMethod();
    }

    @Override
    public ReturnType<Object> getReturnType() {
        return signature.getReturnType();
    }

    @Override
    public String getMethodName() {
        return signature.getMethodName();
    }

    @Override
    public AnnotationMetadata getAnnotationMetadata() {
        return signature.getAnnotationMetadata();
    }

    @Override
    public String toString() {
        return "tool '" + tool.name() + "' via " + signature;
    }
}
