package dev.toolwire.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.auth.AuthModes;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.invoke.RegisteredTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code tools [--json]}: lists the tools with their method, path, auth mode and async flag. The
 * auth mode shown is the one calls get: a tool declared {@code DEFAULT} shows the configured
 * {@code toolwire.auth.default} (the table marks it {@code (default)}; the JSON keeps the declared
 * mode as {@code auth} and adds {@code effectiveAuth}).
 */
final class ToolsCommand implements Callable<Integer> {

    private final CliSession session;
    private final OptionSpec json = OptionSpec.builder("--json")
            .type(boolean.class)
            .description("Print a JSON array instead of a table.")
            .build();

    ToolsCommand(CliSession session) {
        this.session = session;
    }

    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this).addOption(json).mixinStandardHelpOptions(true);
        spec.usageMessage().description("List the tools of this application: name, method, path, auth and async,"
                + " and the MCP endpoint's URL when it is on.");
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        List<RegisteredTool> tools = session.registry().all();
        if (Boolean.TRUE.equals(json.getValue())) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (RegisteredTool tool : tools) {
                ToolDescriptor d = tool.descriptor();
                array.addObject().put("name", d.name()).put("method", d.method().name()).put("path", d.path())
                        .put("auth", d.auth().name()).put("effectiveAuth", effective(tool)).put("async", d.async());
            }
            session.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "METHOD", "PATH", "AUTH", "ASYNC"});
        for (RegisteredTool tool : tools) {
            ToolDescriptor d = tool.descriptor();
            String auth = effective(tool) + (isDefault(d) ? " (default)" : "");
            rows.add(new String[] {d.name(), d.method().name(), d.path(), auth, d.async() ? "yes" : "no"});
        }
        TextColumns.print(session.out(), 0, rows);
        if (tools.isEmpty()) {
            session.out().println("(no tools)");
        }
        if (session.context().getProperty("toolwire.mcp.enabled", Boolean.class).orElse(false)) {
            String path = session.context().getProperty("toolwire.mcp.path", String.class).orElse("/mcp");
            session.out().println("MCP: " + session.webToolMapper().publicUrl() + path
                    + " (Streamable HTTP; every tool, with the same credentials)");
        }
        return 0;
    }

    private static boolean isDefault(ToolDescriptor tool) {
        return AuthModes.of(tool) == AuthMode.DEFAULT;
    }

    /** The mode calls get, as the runtime decides it. */
    private static String effective(RegisteredTool tool) {
        return tool.auth().name().toLowerCase(Locale.ROOT);
    }
}
