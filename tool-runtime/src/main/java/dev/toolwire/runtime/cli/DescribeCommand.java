package dev.toolwire.runtime.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.hamsa.HamsaDialect;
import dev.toolwire.runtime.invoke.RegisteredTool;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code describe <tool> [--format toolwire|hamsa] [--dialect reference|guide]}: prints the descriptor
 * (without its internal {@code invocation} section) or the Hamsa web-tool request body in a dialect.
 */
final class DescribeCommand implements Callable<Integer> {

    private final CliSession session;
    private final PositionalParamSpec tool = CliSession.toolParameter();
    private final OptionSpec format = OptionSpec.builder("--format")
            .paramLabel("toolwire|hamsa")
            .type(String.class)
            .defaultValue("toolwire")
            .description("toolwire: the descriptor; hamsa: the exact Hamsa web-tool request body. Default: ${DEFAULT-VALUE}.")
            .build();
    private final OptionSpec dialect = CliSession.dialectOption();

    DescribeCommand(CliSession session) {
        this.session = session;
    }

    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this)
                .addPositional(tool)
                .addOption(format)
                .addOption(dialect)
                .mixinStandardHelpOptions(true);
        spec.usageMessage().description("Print a tool's descriptor, or the body Toolwire sends to Hamsa for it.");
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        String wanted = String.valueOf(format.<String>getValue()).toLowerCase(Locale.ROOT);
        if (!wanted.equals("toolwire") && !wanted.equals("hamsa")) {
            session.err().println("Unknown format '" + wanted + "'. Use --format toolwire or --format hamsa.");
            return ToolwireCli.USAGE;
        }
        Optional<RegisteredTool> found = session.findTool(tool.getValue());
        if (found.isEmpty()) {
            return ToolwireCli.USAGE;
        }
        ObjectNode json = found.get().descriptor().publicJson();
        if (found.get().outputSchemaTree() == null) {
            json.remove("outputSchema"); // results are named otherwise (toolwire.naming): it would mislead
        }
        if (wanted.equals("hamsa")) {
            Optional<HamsaDialect> speaking = session.hamsaDialect(dialect.getValue());
            if (speaking.isEmpty()) {
                return ToolwireCli.USAGE;
            }
            HamsaBodies bodies = new HamsaBodies(session, speaking.get());
            json = bodies.of(found.get());
            bodies.reportMissingCredentials(session.err());
        }
        session.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return 0;
    }
}
