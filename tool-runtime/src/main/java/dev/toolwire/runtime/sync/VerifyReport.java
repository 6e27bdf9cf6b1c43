package dev.toolwire.runtime.sync;

import java.util.List;

/**
 * What {@code sync --verify} found: how many tools Hamsa reached with their published credential
 * accepted, how many failed (not reachable, credential refused, no tool at the URL), how many Hamsa's
 * answer left unknown, and how many were not called because no request could be refused before they ran.
 *
 * @param reached tools reached, credentials accepted
 * @param failed tools that failed
 * @param unknown tools whose outcome Hamsa's answer did not say
 * @param notVerified tools not called
 * @param failures one line per failed tool, naming it
 */
public record VerifyReport(int reached, int failed, int unknown, int notVerified, List<String> failures) {

    /**
     * Copies the list.
     *
     * @param reached reached
     * @param failed failed
     * @param unknown unknown
     * @param notVerified not verified
     * @param failures the failures
     */
    public VerifyReport {
        failures = List.copyOf(failures);
    }

    /**
     * The summary line, e.g. {@code 9 reached, 0 failed, 0 unknown, 0 not verified}.
     *
     * @return the line
     */
    public String summary() {
        return reached + " reached, " + failed + " failed, " + unknown + " unknown, " + notVerified + " not verified";
    }

    /**
     * The command's exit code for the verification alone.
     *
     * @return {@code 1} when a tool failed, else {@code 0}
     */
    public int exitCode() {
        return failed == 0 ? 0 : 1;
    }
}
