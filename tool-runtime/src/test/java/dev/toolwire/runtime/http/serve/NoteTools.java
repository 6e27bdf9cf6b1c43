package dev.toolwire.runtime.http.serve;

import dev.toolwire.annotations.Tool;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;

@Singleton
@Requires(property = "spec.name", value = "ServeToolsTest")
public class NoteTools {

    /**
     * Keeps a short note.
     *
     * @param text the note, at most five characters
     * @return its length in characters
     */
    @Tool
    public int keepNote(@Size(max = 5) String text) {
        return text.codePointCount(0, text.length());
    }
}
