package dev.toolwire.devtools.cli.training;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.annotations.Tool;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

@Singleton
@Requires(property = "spec.name", value = "TrainCommandTest")
public class TrainingTools {

    /** How often any of these methods ran: a training run must leave it at zero. */
    public static final AtomicInteger CALLS = new AtomicInteger();

    /** The calls that ran, with their arguments, oldest first. */
    public static final List<String> LAST_CALLS = new CopyOnWriteArrayList<>();

    /**
     * Records a note.
     *
     * @param text the note
     * @return the note
     */
    @Tool
    public String recordNote(String text) {
        CALLS.incrementAndGet();
        return text;
    }

    /**
     * Reads a note.
     *
     * @param noteId the note
     * @return the note
     */
    @Tool(method = HttpMethod.GET, path = "/notes/{note_id}", auth = AuthMode.HEADER)
    public String readNote(String noteId) {
        CALLS.incrementAndGet();
        LAST_CALLS.add("read_note(" + noteId + ")");
        return noteId;
    }

    /**
     * Archives a note.
     *
     * @param noteId the note
     * @return the note
     */
    @Tool(auth = AuthMode.HEADER)
    public String archiveNote(String noteId) {
        CALLS.incrementAndGet();
        return noteId;
    }

    /**
     * Pins a note.
     *
     * @param noteId the note
     * @param pinned whether it is pinned
     * @return the note
     */
    @Tool(method = HttpMethod.PUT, path = "/notes/{note_id}/pin", auth = AuthMode.HEADER)
    public String pinNote(String noteId, boolean pinned) {
        CALLS.incrementAndGet();
        LAST_CALLS.add("pin_note(" + noteId + ", " + pinned + ")");
        return noteId + pinned;
    }

    /**
     * Counts notes; open to anyone.
     *
     * @param prefix the prefix
     * @return the count
     */
    @Tool(auth = AuthMode.NONE)
    public int countNotes(String prefix) {
        CALLS.incrementAndGet();
        LAST_CALLS.add("count_notes(" + prefix + ")");
        return prefix.length();
    }

    /**
     * Searches the notes.
     *
     * @param text what to look for
     * @param limit how many at most
     * @return the search
     */
    @Tool(method = HttpMethod.GET, path = "/notes/search", auth = AuthMode.HEADER)
    public String searchNotes(String text, Optional<Integer> limit) {
        CALLS.incrementAndGet();
        LAST_CALLS.add("search_notes(" + text + ", " + limit.map(String::valueOf).orElse("none") + ")");
        return text;
    }

    /**
     * Lists the notes; open to anyone, and reading only. Its literal path is what {@code read_note}'s
     * placeholder would become if the training run filled placeholders with a plain word: the request
     * meant to be refused would run this tool instead.
     *
     * @return the notes
     */
    @Tool(method = HttpMethod.GET, path = "/notes/training", auth = AuthMode.NONE)
    public String listNotes() {
        CALLS.incrementAndGet();
        return "";
    }
}
