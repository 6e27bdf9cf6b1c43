package dev.toolwire.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.ErrorEnvelope;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.export.JsonPaths;
import dev.toolwire.runtime.invoke.DefaultToolContext;
import dev.toolwire.runtime.invoke.RegisteredTool;
import dev.toolwire.runtime.invoke.ToolCall;
import dev.toolwire.runtime.invoke.ToolInvoker;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code call <tool> [--args '<json>']}: runs a tool in this process through the same pipeline as
 * HTTP (merge, defaults, validation, binding, invocation) and prints the result or the envelope,
 * and, with {@code --paths} or in a terminal, the JSONPath of each value of the result on stderr.
 */
final class CallCommand implements Callable<Integer> {

    private final CliSession session;
    private final PositionalParamSpec tool = CliSession.toolParameter();
    private final OptionSpec args = OptionSpec.builder("--args")
            .paramLabel("<json>")
            .type(String.class)
            .defaultValue("{}")
            .description("The arguments as a JSON object, e.g. '{\"phone_number\": \"+15551234567\"}'. Default: {}.")
            .build();
    private final OptionSpec paths = OptionSpec.builder("--paths")
            .type(boolean.class)
            .description("Also print, on stderr, the JSONPath of every value of an object result "
                    + "($.customer_id, $.items[0].name): what a Hamsa flow extracts. On by default when "
                    + "run in a terminal; stdout always stays the pure JSON result.")
            .build();

    CallCommand(CliSession session) {
        this.session = session;
    }

    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this)
                .addPositional(tool)
                .addOption(args)
                .addOption(paths)
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
            return ToolwireCli.USAGE;
        }
        RegisteredTool target = found.get();
        String requestId = "cli-" + UUID.randomUUID();
        ToolResult outcome;
        try {
            ToolCall call = ToolCall.ofBody(ToolCall.parseBody(args.<String>getValue().getBytes(StandardCharsets.UTF_8)));
            DefaultToolContext context = new DefaultToolContext(requestId, target.name(), Map::of, null,
                    Instant.now().plusSeconds(target.descriptor().timeoutSeconds()));
            outcome = session.context().getBean(ToolInvoker.class).call(target, call, context);
        } catch (ToolException e) {
            outcome = new ToolResult.Failure(e);
        }
        byte[] body = outcome instanceof ToolResult.Success success ? success.json()
                : session.context().getBean(JsonMapper.class).writeValueAsBytes(
                        ErrorEnvelope.of(((ToolResult.Failure) outcome).error(), requestId));
        JsonNode tree = Json.MAPPER.readTree(body);
        session.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        if (outcome.succeeded() && tree.isObject() && (Boolean.TRUE.equals(paths.getValue()) || System.console() != null)) {
            printPaths(tree);
        }
        return outcome.succeeded() ? 0 : 1;
    }

    private void printPaths(JsonNode result) {
        Map<String, JsonNode> leaves = JsonPaths.leaves(result);
        session.err().println("JSONPath for a Hamsa flow to extract each value:");
        List<String[]> rows = new ArrayList<>();
        leaves.forEach((path, value) -> rows.add(new String[] {path, value.toString()}));
        TextColumns.print(session.err(), 2, rows);
    }
}
