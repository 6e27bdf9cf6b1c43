package dev.toolwire.runtime.cli;

import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.invoke.DefaultToolContext;
import dev.toolwire.runtime.invoke.Envelopes;
import dev.toolwire.runtime.invoke.RegisteredTool;
import dev.toolwire.runtime.invoke.ToolCall;
import dev.toolwire.runtime.invoke.ToolInvoker;
import dev.toolwire.runtime.invoke.ToolOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code call <tool> [--args '<json>']}: runs a tool in this process through the same pipeline as
 * HTTP (merge, defaults, validation, binding, invocation) and prints the result or the envelope.
 */
final class CallCommand implements Callable<Integer> {

    private final CliSession session;
    private final PositionalParamSpec tool = PositionalParamSpec.builder()
            .paramLabel("<tool>")
            .type(String.class)
            .arity("1")
            .required(true)
            .description("The tool name, as listed by the 'tools' command.")
            .build();
    private final OptionSpec args = OptionSpec.builder("--args")
            .paramLabel("<json>")
            .type(String.class)
            .defaultValue("{}")
            .description("The arguments as a JSON object, e.g. '{\"phone_number\": \"+15551234567\"}'. Default: {}.")
            .build();

    CallCommand(CliSession session) {
        this.session = session;
    }

    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this)
                .addPositional(tool)
                .addOption(args)
                .mixinStandardHelpOptions(true);
        spec.usageMessage().description(
                "Run a tool in this process, with full validation, and print its JSON result or error envelope.",
                "Exit code: 0 success, 1 the tool answered an error, 2 unknown tool or bad usage.");
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        Optional<RegisteredTool> found = session.findTool(tool.getValue());
        if (found.isEmpty()) {
            return 2;
        }
        RegisteredTool target = found.get();
        String requestId = "cli-" + UUID.randomUUID();
        ToolOutcome outcome;
        try {
            ToolCall call = ToolCall.ofBody(ToolCall.parseBody(args.<String>getValue().getBytes(StandardCharsets.UTF_8)));
            DefaultToolContext context = new DefaultToolContext(requestId, target.name(), Map.of(), null,
                    Instant.now().plusSeconds(target.descriptor().timeoutSeconds()));
            outcome = session.context().getBean(ToolInvoker.class).call(target, call, context);
        } catch (ToolException e) {
            outcome = Envelopes.of(e, requestId);
        }
        Object tree = Json.MAPPER.readTree(outcome.body());
        session.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        return outcome.success() ? 0 : 1;
    }
}
