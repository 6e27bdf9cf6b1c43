package dev.toolwire.processor;

/**
 * The job-mode settings of a tool ({@code @Job}).
 *
 * @param acknowledgeWithinSeconds how long the caller waits before the {@code 202} acknowledgement
 * @param retainSeconds how long a finished job stays available
 * @param statusTool the name of the companion status tool, {@code <name>_status}
 * @param acknowledgeMessage the sentence of the acknowledgement, possibly empty
 */
record JobModel(int acknowledgeWithinSeconds, int retainSeconds, String statusTool, String acknowledgeMessage) {}
