package dev.toolwire.runtime.cli;

import dev.toolwire.runtime.auth.ToolCredentials;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code token (--tool <name>... | --all) [--subject <sub>] [--ttl 30d]}: prints a JWT, signed with the
 * configured secret, that allows exactly those tools, with a {@code sub} of its own (a new one per
 * invocation unless given). Without a configured secret it explains why it cannot
 * mint a token the server would accept, and exits 2.
 */
final class TokenCommand implements Callable<Integer> {

    /** The longest lifetime a minted token may have. */
    static final Duration MAX_TTL = Duration.ofDays(3650);

    private static final Pattern SHORT_TTL = Pattern.compile("([0-9]{1,9})([smhd])");

    private final CliSession session;
    private final OptionSpec tools = OptionSpec.builder("--tool")
            .paramLabel("<name>")
            .type(List.class)
            .auxiliaryTypes(String.class)
            .description("A tool the token may call; repeat for several.")
            .build();
    private final OptionSpec all = OptionSpec.builder("--all")
            .type(boolean.class)
            .description("Let the token call every tool (scope tool:*).")
            .build();
    private final OptionSpec subject = OptionSpec.builder("--subject")
            .paramLabel("<sub>")
            .type(String.class)
            .description("The token's sub claim: who the caller is, for per-caller rate limits, job status and retry "
                    + "memory. Default: a new one per invocation (token/<random>), so two tokens are two callers.")
            .build();
    private final OptionSpec ttl = OptionSpec.builder("--ttl")
            .paramLabel("<duration>")
            .type(String.class)
            .defaultValue("30d")
            .description("How long the token is valid: 30d, 12h, 15m, 90s or ISO-8601 (PT1H). Default: ${DEFAULT-VALUE}.")
            .build();

    TokenCommand(CliSession session) {
        this.session = session;
    }

    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this)
                .addOption(tools)
                .addOption(all)
                .addOption(subject)
                .addOption(ttl)
                .mixinStandardHelpOptions(true);
        spec.usageMessage().description(
                "Print a signed JWT that allows the given tools, for Authorization: Bearer <token>.",
                "Needs toolwire.auth.jwt.secret, the same as the server's. Exit code: 0 printed, 2 unknown tool, "
                        + "bad usage or no secret.");
        return spec;
    }

    @Override
    public Integer call() {
        List<String> names = tools.getValue() == null ? List.of() : tools.<List<String>>getValue();
        boolean everyTool = Boolean.TRUE.equals(all.getValue());
        if (names.isEmpty() == !everyTool) {
            session.err().println("Name the tools with --tool <name> (repeatable), or use --all; not both.");
            return ToolwireCli.USAGE;
        }
        Optional<Duration> lifetime = parseTtl(ttl.getValue());
        if (lifetime.isEmpty()) {
            session.err().println("Unreadable --ttl '" + ttl.getValue() + "'. Use e.g. 30d, 12h, 15m, 90s or PT1H, "
                    + "positive and at most " + MAX_TTL.toDays() + " days.");
            return ToolwireCli.USAGE;
        }
        List<String> scope = new ArrayList<>();
        for (String name : everyTool ? List.of("*") : names) {
            if (!name.equals("*") && session.findTool(name).isEmpty()) {
                return ToolwireCli.USAGE;
            }
            scope.add(name);
        }
        String sub = subject.getValue() == null ? "token/" + UUID.randomUUID().toString().substring(0, 8)
                : subject.<String>getValue().strip();
        if (sub.isEmpty() || sub.length() > 200) {
            session.err().println("--subject needs 1 to 200 characters.");
            return ToolwireCli.USAGE;
        }
        try {
            session.out().println(session.context().getBean(ToolCredentials.class).issueToken(sub, scope, lifetime.get()));
            return 0;
        } catch (IllegalStateException cannotSign) {
            session.err().println(cannotSign.getMessage());
            return ToolwireCli.USAGE;
        }
    }

    /**
     * Reads a lifetime such as {@code 30d}, {@code 12h}, {@code 15m}, {@code 90s} or {@code PT1H}.
     *
     * @param text the option value
     * @return the duration, or empty when unreadable, not positive or longer than {@link #MAX_TTL}
     */
    static Optional<Duration> parseTtl(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher m = SHORT_TTL.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "s": duration = Duration.ofSeconds(n); break;
                case "m": duration = Duration.ofMinutes(n); break;
                case "h": duration = Duration.ofHours(n); break;
                default: duration = Duration.ofDays(n); break;
            }
        } else {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_TTL) > 0) {
            return Optional.empty();
        }
        return Optional.of(duration);
    }
}
