package dev.toolwire.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a tool call came to, before any transport renders it: the JSON the tool answered, or the
 * {@link ToolException} that says why it did not. The HTTP endpoint turns a success into {@code 200}
 * (a job's acknowledgement into {@code 202}) and a failure into its status and the
 * {@link ErrorEnvelope}; the {@code call} command prints either; nothing below the edges knows
 * about HTTP.
 *
 * @since 0.1
 */
public sealed interface ToolResult permits ToolResult.Success, ToolResult.Failure {

    /**
     * Whether the call succeeded.
     *
     * @return {@code true} for a {@link Success}
     */
    default boolean succeeded() {
        return this instanceof Success;
    }

    /**
     * The tool's answer, serialized once.
     *
     * @param json the UTF-8 JSON body, exactly as it goes to the caller; not copied, do not change it
     * @param jobAcknowledgement {@code true} when this is a job-mode tool's "started, ask me later"
     *     answer rather than its result
     */
    record Success(byte[] json, boolean jobAcknowledgement) implements ToolResult {

        /**
         * Checks the components.
         *
         * @param json the UTF-8 JSON body
         * @param jobAcknowledgement whether this acknowledges a job still running
         */
        public Success {
            Objects.requireNonNull(json, "json");
        }

        /**
         * A finished call's answer.
         *
         * @param json the UTF-8 JSON body
         */
        public Success(byte[] json) {
            this(json, false);
        }

        @Override
        public String toString() {
            return "Success[" + json.length + " bytes" + (jobAcknowledgement ? ", job acknowledgement]" : "]");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Success that && jobAcknowledgement == that.jobAcknowledgement
                    && java.util.Arrays.equals(json, that.json);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(json) * 31 + Boolean.hashCode(jobAcknowledgement);
        }

        /**
         * The body as text.
         *
         * @return the JSON
         */
        public String text() {
            return new String(json, StandardCharsets.UTF_8);
        }
    }

    /**
     * A call that did not succeed, for whatever reason: the arguments, the caller, the tool's own
     * {@link ToolException}, an exception a {@link ToolErrorMapper} translated, a timeout, or
     * {@code INTERNAL_ERROR} for anything unexpected (whose cause is logged, never sent).
     *
     * @param error the failure, with its status, code, speakable message and details
     */
    record Failure(ToolException error) implements ToolResult {

        /**
         * Checks the component.
         *
         * @param error the failure
         */
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }
}
