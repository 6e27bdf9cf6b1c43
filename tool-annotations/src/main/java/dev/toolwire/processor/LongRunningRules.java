package dev.toolwire.processor;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.ast.MethodElement;
import java.lang.annotation.Annotation;
import java.util.Optional;

/** Reads and checks {@code @Job} and {@code @Idempotent}, the settings of long-running and retry-safe tools. */
final class LongRunningRules {
    private static final String STATUS_SUFFIX = "_status";

    private LongRunningRules() {}

    /** @return the job settings, or empty when the tool is not a job or they are invalid (reported) */
    static Optional<JobModel> job(
            MethodElement method, String signature, String toolName, int timeoutSeconds, ErrorReporter reporter) {
        AnnotationValue<Annotation> job = method.getAnnotation(Names.JOB);
        if (job == null) {
            return Optional.empty();
        }
        String subject = "@Job on " + signature;
        int acknowledge = job.intValue("acknowledgeWithinSeconds").orElse(2);
        int retain = job.intValue("retainMinutes").orElse(60);
        boolean valid = true;
        if (acknowledge < 1 || acknowledge >= timeoutSeconds) {
            reporter.error(ErrorId.ToolJobSettingsInvalid, method, Names.JOB, "acknowledgeWithinSeconds", subject
                    + " has acknowledgeWithinSeconds = " + acknowledge + ". Use at least 1 and less than the tool's"
                    + " timeoutSeconds (" + timeoutSeconds + ").");
            valid = false;
        }
        if (retain < 1) {
            reporter.error(ErrorId.ToolJobSettingsInvalid, method, Names.JOB, "retainMinutes", subject
                    + " has retainMinutes = " + retain + ". Keep finished jobs for at least 1 minute.");
            valid = false;
        }
        String statusTool = toolName + STATUS_SUFFIX;
        if (!NameRules.isValid(statusTool)) {
            reporter.error(ErrorId.ToolJobStatusNameInvalid, method, subject + " would need the status tool '"
                    + statusTool + "', which is longer than 64 characters. Shorten the tool name.");
            valid = false;
        }
        String message = job.stringValue("acknowledgeMessage").orElse("");
        return valid ? Optional.of(new JobModel(acknowledge, retain * 60, statusTool, message)) : Optional.empty();
    }

    /** @return the deduplication window in seconds, 0 when the tool has no valid {@code @Idempotent} (reported) */
    static int deduplicationWindow(MethodElement method, ErrorReporter reporter) {
        AnnotationValue<Annotation> idempotent = method.getAnnotation(Names.IDEMPOTENT);
        if (idempotent == null) {
            return 0;
        }
        int window = idempotent.intValue("windowSeconds").orElse(300);
        if (window < 1) {
            reporter.error(ErrorId.ToolDeduplicationWindowInvalid, method, Names.IDEMPOTENT, "windowSeconds",
                    "@Idempotent(windowSeconds = " + window + ") on " + ToolSignatures.of(method)
                            + " is less than 1. Use a window of at least 1 second.");
            return 0;
        }
        return window;
    }
}
