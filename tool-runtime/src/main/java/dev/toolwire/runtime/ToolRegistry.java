package dev.toolwire.runtime;

import java.util.List;
import java.util.Optional;

/**
 * The tools this application serves, by name. Inject it to list them (an admin page, a client of
 * your own, a test) or to look one up:
 *
 * <pre>{@code
 * @Inject ToolRegistry tools;
 * ...
 * tools.tool("get_order_status").map(ToolInfo::path).orElseThrow();   // "/orders/{order_id}"
 * }</pre>
 *
 * @since 0.1
 */
public interface ToolRegistry {

    /**
     * Every tool, sorted by name.
     *
     * @return the tools
     */
    List<ToolInfo> tools();

    /**
     * One tool.
     *
     * @param name its name
     * @return the tool, or empty when there is none of that name
     */
    Optional<ToolInfo> tool(String name);

    /**
     * Names close to one that was not found, for a "did you mean" message.
     *
     * @param name the unknown name
     * @return up to three names, closest first
     */
    List<String> similarNames(String name);

    /**
     * One tool that must exist.
     *
     * @param name its name
     * @return the tool
     * @throws IllegalArgumentException when there is none of that name; the message suggests
     *     {@link #similarNames similar names}
     */
    default ToolInfo require(String name) {
        return tool(name).orElseThrow(() -> {
            List<String> similar = similarNames(name);
            return new IllegalArgumentException("No tool '" + name + "' in this application."
                    + (similar.isEmpty() ? "" : " Did you mean " + String.join(", ", similar) + "?"));
        });
    }
}
