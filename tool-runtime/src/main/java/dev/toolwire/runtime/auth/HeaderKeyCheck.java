package dev.toolwire.runtime.auth;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Checks a presented header value against the accepted ones in constant time: values are compared
 * as SHA-256 digests with {@link MessageDigest#isEqual}, so neither the content nor the length of an
 * accepted value leaks through timing, and every accepted value is always compared.
 */
final class HeaderKeyCheck {

    private final List<byte[]> accepted;

    HeaderKeyCheck(List<String> acceptedValues) {
        List<byte[]> digests = new ArrayList<>();
        for (String value : acceptedValues) {
            digests.add(Fingerprints.sha256(value));
        }
        this.accepted = List.copyOf(digests);
    }

    /**
     * Finds the accepted value a presented one equals.
     *
     * @param presented the header value sent
     * @return its index among the accepted values, or empty
     */
    OptionalInt match(String presented) {
        byte[] digest = Fingerprints.sha256(presented);
        int found = -1;
        for (int i = 0; i < accepted.size(); i++) {
            if (MessageDigest.isEqual(accepted.get(i), digest) && found < 0) {
                found = i;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }
}
