package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolException;
import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool call through the whole pipeline: merge and coerce the arguments, fill defaults,
 * validate them against the schema, bind them, invoke the method, and shape the result. Every
 * failure becomes the error envelope; nothing escapes. Blocking: callers run it off the event loop.
 */
@Singleton
@Internal
public final class ToolInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);

    private final BeanContext beanContext;
    private final ArgumentBinder binder;
    private final ResultWriter resultWriter;

    /**
     * Creates the invoker.
     *
     * @param beanContext where the tool beans come from
     * @param binder binds arguments
     * @param resultWriter shapes results
     */
    public ToolInvoker(BeanContext beanContext, ArgumentBinder binder, ResultWriter resultWriter) {
        this.beanContext = beanContext;
        this.binder = binder;
        this.resultWriter = resultWriter;
    }

    /**
     * Calls a tool.
     *
     * @param tool the tool
     * @param call the raw arguments
     * @param context the call's context
     * @return the result or the error envelope
     */
    public ToolOutcome call(RegisteredTool tool, ToolCall call, ToolContext context) {
        try {
            ObjectNode arguments = ArgumentMerger.merge(
                    tool.descriptor().params(), call.pathValues(), call.query(), call.body());
            List<ToolException.Detail> violations = SchemaValidator.validate(tool.schema(), arguments);
            if (!violations.isEmpty()) {
                throw rejected(violations);
            }
            Object[] values = binder.bind(tool, arguments, context);
            Object bean = beanContext.getBean(tool.bean());
            Object result = tool.method().invoke(bean, values);
            return new ToolOutcome(200, null, resultWriter.write(tool, result));
        } catch (ToolException e) {
            if (e.status() >= 500) {
                LOG.warn("Tool '{}' failed with {} (request {})", tool.name(), e.code(), context.requestId(), e);
            } else {
                LOG.debug("Tool '{}' answered {} (request {}): {}", tool.name(), e.code(), context.requestId(), e.getMessage());
            }
            return Envelopes.of(e, context.requestId());
        } catch (ConstraintViolationException e) {
            return Envelopes.of(rejected(violations(tool, e)), context.requestId());
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError error) {
                throw error;
            }
            LOG.error("Tool '{}' threw an exception (request {})", tool.name(), context.requestId(), e);
            return Envelopes.of(500, Envelopes.INTERNAL_ERROR, Envelopes.INTERNAL_MESSAGE, List.of(), context.requestId());
        }
    }

    /**
     * The exception for argument violations: one sentence about the first, details for all.
     *
     * @param violations the violations, at least one
     * @return the exception
     */
    static ToolException rejected(List<ToolException.Detail> violations) {
        int more = violations.size() - 1;
        String message = "Tool call rejected: " + violations.get(0).message()
                + (more == 0 ? "" : more == 1 ? " (and 1 more problem)" : " (and " + more + " more problems)") + ".";
        return new ToolException(400, Envelopes.INVALID_ARGUMENTS, message, violations);
    }

    private static List<ToolException.Detail> violations(RegisteredTool tool, ConstraintViolationException e) {
        List<ToolException.Detail> details = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = pointer(tool, violation.getPropertyPath());
            String name = SchemaValidator.displayName(path);
            details.add(new ToolException.Detail(path, "'" + name + "' " + violation.getMessage()));
        }
        if (details.isEmpty()) {
            details.add(new ToolException.Detail("", "the arguments are invalid"));
        }
        return details;
    }

    private static String pointer(RegisteredTool tool, Path path) {
        Argument<?>[] arguments = tool.method().getArguments();
        StringBuilder sb = new StringBuilder();
        int index = 0;
        for (Path.Node node : path) {
            index++;
            if (index == 1 || node.getName() == null) {
                continue; // the method node
            }
            String name = node.getName();
            if (index == 2) {
                for (int i = 0; i < arguments.length; i++) {
                    String wire = tool.descriptor().invocation().parameters().get(i).name();
                    if (arguments[i].getName().equals(name) && wire != null) {
                        name = wire;
                    }
                }
            }
            sb.append('/').append(name);
        }
        return sb.toString();
    }
}
