package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import dev.toolwire.annotations.AuthMode;
import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.processor.WireNames;
import dev.toolwire.runtime.ToolInfo;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.core.type.ReturnType;
import io.micronaut.inject.ExecutableMethod;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A descriptor joined with the bean method it describes, its compiled argument schema and the auth
 * mode it is served with. A job status tool has no bean method: the runtime answers it from the job
 * store. Its public face is {@link ToolInfo}.
 */
@Internal
public final class RegisteredTool implements ToolInfo {

    private final ToolDescriptor descriptor;
    private final @Nullable BeanDefinition<?> bean;
    private final @Nullable ExecutableMethod<Object, Object> method;
    private final Schema schema;
    private final boolean returnsNothing;
    private final boolean nonBlocking;
    private final ToolDescriptor.@Nullable Job job;
    private final AuthMode auth;
    private final String resultNaming;
    private final @Nullable ObjectNode outputSchema;
    private final @Nullable EnumSpelling resultEnums;
    private final List<String> pathParameters;
    private volatile @Nullable Object singleton;

    /**
     * Joins a descriptor with its method.
     *
     * @param defaults the application's defaults for what a descriptor leaves open
     */
    @SuppressWarnings("unchecked")
    RegisteredTool(ToolDescriptor descriptor, @Nullable BeanDefinition<?> bean, @Nullable ExecutableMethod<?, ?> method,
            Schema schema, ToolDefaults defaults) {
        this.descriptor = descriptor;
        this.auth = descriptor.auth() == AuthMode.DEFAULT ? defaults.auth() : descriptor.auth();
        this.resultNaming = defaults.naming() != null ? defaults.naming() : descriptor.naming();
        // The schema describes results in the naming it was generated with; under another it would mislead.
        this.outputSchema = resultNaming.equals(descriptor.naming()) ? descriptor.outputSchema() : null;
        this.resultEnums = outputSchema == null || !resultNaming.equals(WireNames.SNAKE_CASE) ? null : EnumSpelling.of(outputSchema);
        this.pathParameters = descriptor.pathParameters().stream().map(ToolDescriptor.PathParameter::name).toList();
        this.bean = bean;
        this.method = (ExecutableMethod<Object, Object>) method;
        this.schema = schema;
        this.returnsNothing = method != null && returnsNothing(method.getReturnType());
        this.job = method == null ? null : descriptor.job();
        this.nonBlocking = method != null && job == null && method.hasAnnotation(NonBlocking.class);
    }

    /**
     * The tool's descriptor.
     *
     * @return the descriptor
     */
    public ToolDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public String name() {
        return descriptor.name();
    }

    @Override
    public String description() {
        return descriptor.description();
    }

    @Override
    public HttpMethod httpMethod() {
        return descriptor.method();
    }

    @Override
    public String path() {
        return descriptor.path();
    }

    @Override
    public List<String> pathParameters() {
        return pathParameters;
    }

    /**
     * {@inheritDoc} Resolved once, when the registry is built.
     */
    @Override
    public AuthMode auth() {
        return auth;
    }

    @Override
    public int timeoutSeconds() {
        return descriptor.timeoutSeconds();
    }

    @Override
    public boolean async() {
        return descriptor.async();
    }

    @Override
    public String parametersSchema() {
        return descriptor.params().toString();
    }

    /**
     * {@inheritDoc} Absent when {@code toolwire.naming} differs from the naming the tool was compiled
     * with, since the schema names the properties the compiled way.
     */
    @Override
    public Optional<String> outputSchema() {
        return Optional.ofNullable(outputSchema).map(ObjectNode::toString);
    }

    /**
     * The output schema as a tree.
     *
     * @return the schema, or {@code null} when results are not described
     */
    public @Nullable ObjectNode outputSchemaTree() {
        return outputSchema;
    }

    /**
     * The output schema when every successful call answers an object it describes: the result is an
     * object, and the tool is not a job tool (whose call may answer the acknowledgement instead). What
     * MCP calls structured content, and the {@code outputSchema} of an MCP tool.
     *
     * @return the schema, or {@code null}
     */
    public @Nullable ObjectNode structuredResultSchema() {
        return outputSchema != null && "object".equals(outputSchema.path("type").asText()) && job == null
                ? outputSchema : null;
    }

    /**
     * Whether results are written in snake_case ({@code toolwire.naming}, else the tool's own naming).
     *
     * @return {@code true} for snake_case, {@code false} for Java names as they are
     */
    boolean snakeCaseResults() {
        return resultNaming.equals(WireNames.SNAKE_CASE);
    }

    /**
     * Where the result holds enum constants to respell, for snake_case results.
     *
     * @return the spelling, or {@code null} when the result is written as serialized
     */
    @Nullable EnumSpelling resultEnums() {
        return resultEnums;
    }

    @Override
    public Optional<String> startMessage() {
        return Optional.ofNullable(descriptor.messages().start());
    }

    @Override
    public Optional<String> completeMessage() {
        return Optional.ofNullable(descriptor.messages().complete());
    }

    @Override
    public Optional<String> statusTool() {
        return Optional.ofNullable(job).map(ToolDescriptor.Job::statusTool);
    }

    @Override
    public Optional<String> reportsOn() {
        return Optional.ofNullable(jobStatusOf());
    }

    @Override
    public int retryWindowSeconds() {
        return descriptor.deduplicationWindowSeconds();
    }

    BeanDefinition<?> bean() {
        if (bean == null) {
            throw new IllegalStateException("Tool '" + name() + "' is a job status tool and has no bean");
        }
        return bean;
    }

    /**
     * The bean to call the method on: a singleton is looked up once and kept, a bean of any other
     * scope is asked for on every call.
     *
     * @param context where the bean comes from
     * @return the bean
     */
    Object instance(BeanContext context) {
        Object known = singleton;
        if (known != null) {
            return known;
        }
        Object instance = context.getBean(bean());
        if (bean().isSingleton()) {
            singleton = instance;
        }
        return instance;
    }

    ExecutableMethod<Object, Object> method() {
        if (method == null) {
            throw new IllegalStateException("Tool '" + name() + "' is a job status tool and has no method");
        }
        return method;
    }

    /**
     * The job-mode tool whose jobs this status tool reports.
     *
     * @return the tool name, or {@code null} when this is not a job status tool
     */
    public @Nullable String jobStatusOf() {
        return method == null ? descriptor.jobStatusOf() : null;
    }

    /**
     * Whether the method answers nothing: {@code void}, or a {@code CompletionStage<Void>} or
     * {@code Publisher<Void>}; such calls answer {@code {"success": true}}.
     *
     * @return {@code true} when there is no value to send
     */
    boolean returnsNothing() {
        return returnsNothing;
    }

    /**
     * The job-mode settings, read once from the descriptor.
     *
     * @return the settings, or {@code null} for a tool that answers in one call (and for status tools)
     */
    ToolDescriptor.@Nullable Job job() {
        return job;
    }

    /**
     * Whether the method is marked with Micronaut's {@link NonBlocking}, so the whole call runs on the
     * event loop that read the request instead of being handed to the blocking executor. Job-mode
     * tools never are: their acknowledgement is sent while the method runs.
     *
     * @return {@code true} when the method promises not to block
     */
    public boolean nonBlocking() {
        return nonBlocking;
    }

    private static boolean returnsNothing(ReturnType<?> type) {
        return type.isVoid() || type.isAsyncOrReactive()
                && type.getFirstTypeVariable().map(a -> a.getType() == Void.class).orElse(false);
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
        return method == null ? "job status of '" + descriptor.jobStatusOf() + "'" : signature(method);
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
