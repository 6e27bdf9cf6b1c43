package dev.toolwire.runtime.auth;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JWKS from a file or over HTTP(S), with short timeouts and a size limit either way, so a
 * slow or huge key set cannot hold up or exhaust the server.
 */
final class JwksRetriever implements ResourceRetriever {

    /** Connect and read timeout of a JWKS fetch. */
    static final int TIMEOUT_MILLIS = 5_000;
    /** The largest key set accepted. */
    static final int MAX_BYTES = 256 * 1024;

    private final ResourceRetriever http = new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_BYTES);

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        if (!"file".equals(url.getProtocol())) {
            return http.retrieveResource(url);
        }
        try (InputStream in = Files.newInputStream(Path.of(url.toURI()))) {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new IOException("The JWKS file is larger than " + MAX_BYTES + " bytes");
            }
            return new Resource(new String(content, StandardCharsets.UTF_8), "application/json");
        } catch (URISyntaxException e) {
            throw new IOException("Not a file URL: " + url, e);
        }
    }
}
