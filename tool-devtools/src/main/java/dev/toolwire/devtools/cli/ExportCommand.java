package dev.toolwire.devtools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.toolwire.devtools.export.FunctionFormats;
import dev.toolwire.devtools.export.OpenApiDocument;
import dev.toolwire.runtime.HeaderAuthConfiguration;
import dev.toolwire.runtime.auth.AuthModes;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.cli.CliSession;
import dev.toolwire.runtime.cli.HamsaBodies;
import dev.toolwire.runtime.cli.ToolwireCli;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.HamsaDialect;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code export --format hamsa|openai|mcp|openapi [--output <file>] [--dialect reference|guide]}: writes
 * every tool in another format, to stdout or a file.
 */
final class ExportCommand implements Callable<Integer> {

    private static final List<String> FORMATS = List.of("hamsa", "openai", "mcp", "openapi");

    private final CliSession session;
    private final OptionSpec format = OptionSpec.builder("--format")
            .paramLabel("hamsa|openai|mcp|openapi")
            .type(String.class)
            .required(true)
            .description("hamsa: a JSON array of the exact Hamsa web-tool request bodies, credentials included "
                    + "(as 'describe --format hamsa'); openai: OpenAI function-calling tool definitions; "
                    + "mcp: an MCP tools/list result; openapi: an OpenAPI 3.1 document.")
            .build();
    private final OptionSpec output = OptionSpec.builder("--output", "-o")
            .paramLabel("<file>")
            .type(String.class)
            .description("Write to this file instead of stdout.")
            .build();
    private final OptionSpec dialect = CliSession.dialectOption();

    ExportCommand(CliSession session) {
        this.session = session;
    }

    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this)
                .addOption(format)
                .addOption(output)
                .addOption(dialect)
                .mixinStandardHelpOptions(true);
        spec.usageMessage().description(
                "Write every tool in another format: Hamsa web-tool bodies, OpenAI functions, MCP tools or OpenAPI 3.1.",
                "The hamsa format holds the tools' credentials (tokens, header values): keep that file secret.",
                "Exit code: 0 written, 1 the file could not be written, 2 unknown format.");
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        String wanted = String.valueOf(format.<String>getValue()).toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(wanted)) {
            session.err().println("Unknown format '" + wanted + "'. Use --format " + String.join(", ", FORMATS) + ".");
            return ToolwireCli.USAGE;
        }
        Optional<HamsaDialect> speaking = wanted.equals("hamsa") ? session.hamsaDialect(dialect.getValue())
                : Optional.of(HamsaDialect.REFERENCE);
        if (speaking.isEmpty()) {
            return ToolwireCli.USAGE;
        }
        List<RegisteredTool> tools = session.registry().all();
        List<ToolDescriptor> descriptors = tools.stream().map(RegisteredTool::descriptor).toList();
        JsonNode document = switch (wanted) {
            case "hamsa" -> hamsaBodies(tools, speaking.get());
            case "openai" -> FunctionFormats.openAi(descriptors);
            case "mcp" -> FunctionFormats.mcp(tools);
            default -> openApi(tools);
        };
        String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        String file = output.getValue();
        if (file == null) {
            session.out().println(text);
            return 0;
        }
        try {
            Files.writeString(Path.of(file), text + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            session.err().println("Cannot write " + file + ": " + e.getMessage() + ". Check the directory exists and is writable.");
            return ToolwireCli.FAILED;
        }
        session.err().println("Wrote " + tools.size() + " tools as " + wanted + " to " + file + ".");
        return 0;
    }

    private ArrayNode hamsaBodies(List<RegisteredTool> tools, HamsaDialect speaking) {
        HamsaBodies bodies = new HamsaBodies(session, speaking);
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (RegisteredTool tool : tools) {
            array.add(bodies.of(tool));
        }
        bodies.reportMissingCredentials(session.err());
        return array;
    }

    private JsonNode openApi(List<RegisteredTool> tools) {
        ApplicationContext context = session.context();
        String serverUrl = session.webToolMapper().publicUrl();
        ToolCredentials credentials = context.getBean(ToolCredentials.class);
        String title = context.getProperty("micronaut.application.name", String.class).orElse("Toolwire tools");
        return new OpenApiDocument(serverUrl, context.getBean(HeaderAuthConfiguration.class).name(),
                tool -> credentials.effectiveMode(AuthModes.of(tool))).build(title, "1.0.0", tools);
    }
}
