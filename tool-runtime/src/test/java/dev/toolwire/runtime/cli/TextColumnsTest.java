package dev.toolwire.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextColumnsTest {

    @Test
    void alignsColumns_printsCellsVerbatim_andLeavesNoTrailingBlanks() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TextColumns.print(out, 2, List.of(
                new String[] {"$.note", "\"@|bold loud|@\""},
                new String[] {"$.customer_id", "\"CUST-1001\""},
                new String[] {"$.empty", ""}));
        assertEquals("  $.note         \"@|bold loud|@\"\n"
                + "  $.customer_id  \"CUST-1001\"\n"
                + "  $.empty\n", bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
