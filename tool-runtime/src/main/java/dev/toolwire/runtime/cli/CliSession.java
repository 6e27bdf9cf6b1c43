package dev.toolwire.runtime.cli;

import dev.toolwire.runtime.HamsaConfiguration;
import dev.toolwire.runtime.ToolwireConfiguration;
import dev.toolwire.runtime.hamsa.HamsaDialect;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import dev.toolwire.runtime.sync.WebToolMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.annotation.Internal;
import io.micronaut.logging.LogLevel;
import io.micronaut.logging.LoggingSystem;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The application context of one command, started on first use (no command of the runtime starts
 * the HTTP server; a contributed one such as {@code train} may, itself), with the
 * banner off and, when a logging system is present, the root log level raised to {@code WARN} so
 * stdout carries only the command's output. Public for the commands of a
 * {@link CommandContribution}.
 */
@Internal
public final class CliSession implements AutoCloseable {

    private final Class<?> application;
    private final PrintStream out;
    private final PrintStream err;
    private @Nullable ApplicationContext context;

    CliSession(Class<?> application, PrintStream out, PrintStream err) {
        this.application = application;
        this.out = out;
        this.err = err;
    }

    /**
     * Where the command writes its result.
     *
     * @return standard output
     */
    public PrintStream out() {
        return out;
    }

    /**
     * Where the command writes messages and usage.
     *
     * @return standard error
     */
    public PrintStream err() {
        return err;
    }

    /**
     * The context, started on the first call with the application's own settings.
     *
     * @return the started context
     */
    public ApplicationContext context() {
        return context(new PropertySource[0]);
    }

    /**
     * The context, started on the first call with these property sources added to the
     * application's.
     *
     * @param overrides property sources, e.g. a command's own settings with a high priority
     * @return the started context
     * @throws IllegalStateException when overrides are given but the context already runs without them
     */
    public ApplicationContext context(PropertySource... overrides) {
        ApplicationContext started = context;
        if (started != null && overrides.length > 0) {
            throw new IllegalStateException("The context already runs; its settings can no longer be overridden");
        }
        if (started == null) {
            started = ApplicationContext.builder()
                    .mainClass(application)
                    .classLoader(application.getClassLoader())
                    .propertySources(overrides)
                    .banner(false)
                    .start();
            context = started;
            started.findBean(LoggingSystem.class).ifPresent(logs -> logs.setLogLevel("ROOT", LogLevel.WARN));
        }
        return started;
    }

    /**
     * The tools of the application.
     *
     * @return the registry of the started context
     */
    public DefaultToolRegistry registry() {
        return context().getBean(DefaultToolRegistry.class);
    }

    /**
     * The {@code <tool>} parameter of the commands about one tool; look it up with {@link #findTool}.
     *
     * @return a new parameter spec
     */
    static PositionalParamSpec toolParameter() {
        return PositionalParamSpec.builder()
                .paramLabel("<tool>")
                .type(String.class)
                .arity("1")
                .required(true)
                .description("The tool name, as listed by the 'tools' command.")
                .build();
    }

    /**
     * The mapper to Hamsa web tools, with the configured public URL or, without one,
     * {@code http://localhost:<micronaut.server.port, else 8080>}.
     *
     * @return the mapper
     */
    public WebToolMapper webToolMapper() {
        ApplicationContext context = context();
        return WebToolMapper.of(context.getBean(ToolwireConfiguration.class),
                context.getBean(HamsaConfiguration.class),
                context.getProperty("micronaut.server.port", Integer.class).orElse(8080));
    }

    /**
     * The {@code --dialect} option of the commands that write Hamsa bodies.
     *
     * @return a new option spec
     */
    public static OptionSpec dialectOption() {
        return OptionSpec.builder("--dialect")
                .paramLabel("reference|guide")
                .type(String.class)
                .description("With --format hamsa: which of Hamsa's documented API shapes to write (reference: the API "
                        + "reference pages' nested toolSettings; guide: the guides' flat body with url, authType, "
                        + "headers and pathParameters lists). Default: toolwire.hamsa.dialect, where auto writes reference.")
                .build();
    }

    /**
     * The Hamsa dialect to write: the option's, else {@code toolwire.hamsa.dialect}; {@code auto}
     * writes the reference dialect, since no account is asked.
     *
     * @param option the {@code --dialect} value, or null
     * @return the dialect, or empty after explaining a bad value on stderr
     */
    public Optional<HamsaDialect> hamsaDialect(@Nullable String option) {
        String value = option != null ? option : context().getBean(HamsaConfiguration.class).dialect();
        try {
            return Optional.of(HamsaDialect.parse(value).orElse(HamsaDialect.REFERENCE));
        } catch (IllegalArgumentException e) {
            err.println(option != null ? "Unknown dialect '" + option + "'. Use --dialect reference or --dialect guide."
                    : e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Finds a tool, or explains on stderr that there is none.
     *
     * @param name the tool name
     * @return the tool, or empty after printing the message
     */
    public Optional<RegisteredTool> findTool(String name) {
        DefaultToolRegistry registry = registry();
        Optional<RegisteredTool> tool = registry.find(name);
        if (tool.isEmpty()) {
            List<String> similar = registry.similarNames(name);
            err.println("Unknown tool '" + name + "'."
                    + (similar.isEmpty() ? "" : " Did you mean: " + String.join(", ", similar) + "?")
                    + " Run the 'tools' command to list them.");
        }
        return tool;
    }

    @Override
    public void close() {
        ApplicationContext started = context;
        if (started != null && started.isRunning()) {
            started.close();
        }
    }
}
