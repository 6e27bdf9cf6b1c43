package dev.toolwire.runtime.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.runtime.invoke.SchemaValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Descriptors are read by name from directories and jars, and every fixture's schema compiles. */
class DescriptorLoaderTest {

    @TempDir
    Path temp;

    @Test
    void everyFixtureDescriptorLoadsByNameAndItsParamsCompileAsDraft202012() throws Exception {
        Path folder = Path.of(getClass().getClassLoader().getResource(DescriptorLoader.FOLDER).toURI());
        List<String> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length())).sorted().toList();
        }
        assertTrue(names.size() >= 10, names.toString());
        for (String name : names) {
            ToolDescriptor descriptor = DescriptorLoader.load(getClass().getClassLoader(), name).orElseThrow();
            Schema schema = SchemaValidator.compile(descriptor.params());
            assertEquals("object", descriptor.params().path("type").asText(), descriptor.name());
            if (descriptor.params().path("required").isEmpty()) {
                assertTrue(schema.validate(Json.MAPPER.createObjectNode()).isEmpty(), descriptor.name());
            } else {
                assertFalse(schema.validate(Json.MAPPER.createObjectNode()).isEmpty(), descriptor.name());
            }
        }
    }

    @Test
    void descriptorsInsideAJarAreFound() throws IOException {
        Path jar = temp.resolve("tools.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String dir : new String[] {"META-INF/", "META-INF/toolwire/", "META-INF/toolwire/tools/"}) {
                out.putNextEntry(new JarEntry(dir));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/toolwire/tools/jar_tool.json"));
            write(out, descriptor("jar_tool"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/toolwire/tools/notes.txt"));
            write(out, "not a descriptor");
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ToolDescriptor tool = DescriptorLoader.load(loader, "jar_tool").orElseThrow();
            assertTrue(DescriptorLoader.load(loader, "notes").isEmpty(), "only <name>.json is a descriptor");
            assertEquals(HttpMethod.POST, tool.method());
            assertTrue(tool.source().startsWith("jar:file:"), tool.source());
            assertFalse(tool.publicJson().has("invocation"));
        }
    }

    @Test
    void sameNameInTwoRootsIsRejected() throws IOException {
        Path a = root("a", "twin");
        Path b = root("b", "twin");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {a.toUri().toURL(), b.toUri().toURL()}, null)) {
            DescriptorException e = assertThrows(DescriptorException.class, () -> DescriptorLoader.load(loader, "twin"));
            assertTrue(e.getMessage().startsWith("Tool 'twin' is described twice"), e.getMessage());
        }
    }

    @Test
    void invalidJsonNamesTheFile() throws IOException {
        Path dir = temp.resolve("broken/META-INF/toolwire/tools");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("broken.json"), "{ nope");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.resolve("broken").toUri().toURL()}, null)) {
            DescriptorException e = assertThrows(DescriptorException.class, () -> DescriptorLoader.load(loader, "broken"));
            assertTrue(e.getMessage().contains("broken.json is not valid JSON"), e.getMessage());
        }
    }

    @Test
    void aNameNothingDescribes_isEmpty_andAFileOfAnotherName_isRefused() throws IOException {
        Path dir = temp.resolve("renamed/META-INF/toolwire/tools");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("old_name.json"), descriptor("new_name"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.resolve("renamed").toUri().toURL()}, null)) {
            assertTrue(DescriptorLoader.load(loader, "missing").isEmpty());
            DescriptorException e = assertThrows(DescriptorException.class, () -> DescriptorLoader.load(loader, "old_name"));
            assertTrue(e.getMessage().contains("describes tool 'new_name', not 'old_name'"), e.getMessage());
        }
    }

    private Path root(String name, String tool) throws IOException {
        Path dir = temp.resolve(name + "/META-INF/toolwire/tools");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(tool + ".json"), descriptor(tool));
        return temp.resolve(name);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String descriptor(String name) {
        return ("{'async':false,'auth':'NONE','description':'d','descriptorVersion':1,"
                + "'invocation':{'className':'a.B','methodName':'m','parameters':[]},'messages':{},'method':'POST',"
                + "'name':'" + name + "','params':{'properties':{},'type':'object'},'path':'/tools/" + name + "',"
                + "'pathParameters':[],'timeoutSeconds':10}").replace('\'', '"');
    }
}
