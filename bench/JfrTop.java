import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes a JFR recording of a loaded server (bench/profile.sh): where the CPU samples are, by
 * method (self and inclusive), and which methods allocate, by the sizes of the allocation buffers
 * (TLABs) they asked for. Run with the JDK's
 * source launcher: {@code java bench/JfrTop.java recording.jfr [rows] [prefix...]}; inclusive rows
 * are kept to methods whose class starts with one of the prefixes (default: the libraries on a
 * tool call's path).
 */
public final class JfrTop {

    private static final List<String> DEFAULT_PREFIXES = List.of("dev.toolwire.", "io.micronaut.", "com.networknt.",
            "com.nimbusds.", "ch.qos.logback.", "io.micrometer.", "com.fasterxml.", "io.netty.", "org.slf4j.");

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<String> prefixes = args.length > 2 ? List.of(args).subList(2, args.length) : DEFAULT_PREFIXES;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> allocatedBySite = new HashMap<>();
        Map<String, Long> allocatedInclusive = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                self.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
                count(stack, prefixes, inclusive, 1);
            } else if (type.equals("jdk.ObjectAllocationInNewTLAB") || type.equals("jdk.ObjectAllocationOutsideTLAB")) {
                // A new TLAB's size is what its thread allocates next, so the sizes add up to all allocation.
                long weight = type.endsWith("InNewTLAB") ? event.getLong("tlabSize") : event.getLong("allocationSize");
                allocated += weight;
                allocatedBySite.merge(site(stack), weight, Long::sum);
                count(stack, prefixes, allocatedInclusive, weight);
            }
        }
        System.out.printf("CPU: %d execution samples%n", samples);
        print("self", self, samples, rows);
        print("inclusive", inclusive, samples, rows);
        System.out.printf("%nAllocation: %.1f MiB in new TLABs and outside them%n", allocated / 1048576.0);
        print("by allocating site (first frame outside java.*)", allocatedBySite, allocated, rows);
        print("inclusive", allocatedInclusive, allocated, rows);
    }

    /** Adds a stack's weight once to every distinct method on it that matches a prefix. */
    private static void count(RecordedStackTrace stack, List<String> prefixes, Map<String, Long> into, long weight) {
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : stack.getFrames()) {
            String name = name(frame);
            if (prefixes.stream().anyMatch(name::startsWith) && seen.add(name)) {
                into.merge(name, weight, Long::sum);
            }
        }
    }

    private static String site(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String name = name(frame);
            if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                return name;
            }
        }
        return name(stack.getFrames().get(0));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Long> counts, long total, int rows) {
        System.out.println("  " + title + ":");
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(rows, sorted.size()))) {
            System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey());
        }
    }
}
