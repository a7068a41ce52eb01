package io.jenkins.plugins.imagestreams.testing.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests in the registry's {@code sha256:<64 lower-case hex>} shape. */
final class Sha256 {

    private Sha256() {}

    /**
     * @param content the exact bytes
     * @return {@code sha256:<64 hex>} of {@code content}
     */
    static String digestOf(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
