package dev.toolwire.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A real Redis server for tests: Debian's {@code redis-server}, installed by the project's
 * {@code .ci/install-redis-server} where it is missing, started on a free loopback port with nothing
 * persisted, and stopped (or killed, to test an outage) by the test. Never a mock.
 */
public final class LocalRedis implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path executable;
    private final int port;
    private final Path log;
    private Process process;

    private LocalRedis(Path executable, int port, Path log) throws IOException {
        this.executable = executable;
        this.port = port;
        this.log = log;
        this.process = launch();
    }

    /**
     * Starts a server on a free loopback port, installing {@code redis-server} first if it is missing.
     *
     * @return the running server
     * @throws IOException when it cannot be installed or started
     */
    public static LocalRedis start() throws IOException {
        Path executable = find();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("toolwire-redis-" + port + "-", ".log");
        return new LocalRedis(executable, port, log);
    }

    /** @return the port it listens on, on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return {@code redis://127.0.0.1:<port>}, for {@code redis.uri} */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** @return whether the server process is running */
    public boolean running() {
        return process.isAlive();
    }

    /**
     * Kills the server at once (SIGKILL), as a crash or a network cut would look to its clients.
     *
     * @throws InterruptedException when interrupted while it dies
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * Starts the server again on the same port, empty.
     *
     * @throws IOException when it does not come up
     */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("Redis is still running");
        }
        process = launch();
    }

    /**
     * Sends one inline command and reads the first line of the answer, for tests that look inside.
     *
     * @param command for example {@code "DBSIZE"}
     * @return the answer's first line, such as {@code ":3"} or {@code "+PONG"}
     * @throws IOException when the server does not answer
     */
    public String command(String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private Process launch() throws IOException {
        Process started = new ProcessBuilder(executable.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < until) {
            if (!started.isAlive()) {
                throw new IOException("redis-server exited with " + started.exitValue() + ": " + Files.readString(log));
            }
            try {
                if ("+PONG".equals(command("PING"))) {
                    return started;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                started.destroyForcibly();
                throw new IOException("Interrupted while redis-server started", e);
            }
        }
        started.destroyForcibly();
        throw new IOException("redis-server did not answer PING within " + START_TIMEOUT + ": " + Files.readString(log));
    }

    /** {@code redis-server} from the path or Debian's places, installed by the project's script when missing. */
    private static Path find() throws IOException {
        @Nullable Path found = lookup();
        if (found != null) {
            return found;
        }
        Path script = installScript();
        try {
            Process install = new ProcessBuilder("bash", script.toString()).inheritIO().start();
            if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
                throw new IOException(script + " could not install redis-server (see its output above)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while installing redis-server", e);
        }
        found = lookup();
        if (found == null) {
            throw new IOException("redis-server is still missing after " + script);
        }
        return found;
    }

    private static @Nullable Path lookup() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (Path candidate : List.of(Path.of("/usr/bin/redis-server"), Path.of("/usr/sbin/redis-server"))) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path installScript() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(".ci").resolve("install-redis-server");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IOException("redis-server is missing and .ci/install-redis-server was not found above "
                + Path.of("").toAbsolutePath());
    }
}
