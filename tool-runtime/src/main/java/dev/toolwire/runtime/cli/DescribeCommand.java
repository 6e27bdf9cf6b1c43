package dev.toolwire.runtime.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.hamsa.HamsaAuthSettings;
import dev.toolwire.runtime.hamsa.HamsaToolMapper;
import dev.toolwire.runtime.invoke.RegisteredTool;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code describe <tool> [--format toolwire|hamsa]}: prints the descriptor (without its internal
 * {@code invocation} section) or the Hamsa web-tool request body.
 */
final class DescribeCommand implements Callable<Integer> {

    /** Lifetime of the token shown in a Hamsa body, as the {@code token} command's default. */
    static final Duration TOKEN_TTL = Duration.ofDays(30);

    private final CliSession session;
    private final PositionalParamSpec tool = PositionalParamSpec.builder()
            .paramLabel("<tool>")
            .type(String.class)
            .arity("1")
            .required(true)
            .description("The tool name, as listed by the 'tools' command.")
            .build();
    private final OptionSpec format = OptionSpec.builder("--format")
            .paramLabel("toolwire|hamsa")
            .type(String.class)
            .defaultValue("toolwire")
            .description("toolwire: the descriptor; hamsa: the exact Hamsa web-tool request body. Default: ${DEFAULT-VALUE}.")
            .build();

    DescribeCommand(CliSession session) {
        this.session = session;
    }

    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this)
                .addPositional(tool)
                .addOption(format)
                .mixinStandardHelpOptions(true);
        spec.usageMessage().description("Print a tool's descriptor, or the body Toolwire sends to Hamsa for it.");
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        String wanted = String.valueOf(format.<String>getValue()).toLowerCase(Locale.ROOT);
        if (!wanted.equals("toolwire") && !wanted.equals("hamsa")) {
            session.err().println("Unknown format '" + wanted + "'. Use --format toolwire or --format hamsa.");
            return 2;
        }
        Optional<RegisteredTool> found = session.findTool(tool.getValue());
        if (found.isEmpty()) {
            return 2;
        }
        ObjectNode json = wanted.equals("hamsa") ? hamsaBody(found.get()) : found.get().descriptor().publicJson();
        session.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return 0;
    }

    /** The Hamsa body with its credentials; without publishable ones, the body without them and a note. */
    private ObjectNode hamsaBody(RegisteredTool tool) {
        ObjectNode body = session.context().getBean(HamsaToolMapper.class).toWebTool(tool.descriptor());
        try {
            HamsaAuthSettings.apply(body, tool.descriptor(), session.context().getBean(ToolCredentials.class), TOKEN_TTL);
        } catch (IllegalStateException unpublishable) {
            session.err().println("Note: the body has no credentials. " + unpublishable.getMessage());
        }
        return body;
    }
}
