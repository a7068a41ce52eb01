package io.jenkins.plugins.imagestreams.core.image;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A content digest of the shape {@code sha256:<64 lowercase hex>} or {@code sha512:<128 lowercase hex>}.
 *
 * <p>The rules are those of opencontainers/go-digest ({@code Digest.Validate}) with its two registered
 * algorithms, {@code sha256} and {@code sha512}; {@code sha384} and any other algorithm are rejected as
 * unsupported. The checks run in go-digest's order, so a value is rejected for the first rule it breaks:
 * <ol>
 *   <li>it must have the form {@code <algorithm>:<encoded>} with both parts non-empty;</li>
 *   <li>the algorithm must be {@code sha256} or {@code sha512};</li>
 *   <li>the encoded part must have exactly 64 ({@code sha256}) or 128 ({@code sha512}) characters;</li>
 *   <li>the encoded part must be lowercase hexadecimal, {@code [a-f0-9]}.</li>
 * </ol>
 */
public final class Digest {
    /** The field name used in the errors of {@link #parse(String)}. */
    public static final String FIELD = "digest";
    /** The algorithm of {@link #sha256Of(byte[])}, {@code sha256}. */
    public static final String SHA256 = "sha256";
    /** The other supported algorithm, {@code sha512}. */
    public static final String SHA512 = "sha512";

    private static final int SHORT_LENGTH = 12;
    private static final Pattern LOWER_HEX = Pattern.compile("[a-f0-9]+");
    /** go-digest's {@code DigestRegexp}, used to tell a malformed digest from an unsupported algorithm. */
    private static final Pattern GO_DIGEST_SHAPE = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");

    private final String algorithm;
    private final String hex;

    private Digest(final String algorithm, final String hex) {
        this.algorithm = algorithm;
        this.hex = hex;
    }

    /**
     * Parses a digest such as {@code sha256:0123…} (64 lowercase hex characters after the colon).
     *
     * @param value the digest text
     * @return the digest
     * @throws InvalidValueException with field {@value #FIELD} if the value breaks one of go-digest's rules
     */
    public static Digest parse(@CheckForNull final String value) {
        if (value == null) {
            throw new InvalidValueException(FIELD, "must not be null", null);
        }
        Optional<String> broken = check(value);
        if (broken.isPresent()) {
            throw new InvalidValueException(FIELD, broken.get(), value);
        }
        int colon = value.indexOf(':');
        return new Digest(value.substring(0, colon), value.substring(colon + 1));
    }

    /**
     * Tells whether a text is a valid digest, i.e. whether {@link #parse(String)} would accept it.
     *
     * @param value the text; {@code null} is not a digest
     * @return {@code true} if the text is a {@code sha256:} or {@code sha512:} digest
     */
    public static boolean isDigest(@CheckForNull final String value) {
        return value != null && check(value).isEmpty();
    }

    /**
     * Computes the {@code sha256} digest of some bytes, e.g. of a manifest as a registry served it.
     *
     * @param content the bytes
     * @return {@code sha256:<64 hex>} of the bytes
     */
    public static Digest sha256Of(final byte[] content) {
        try {
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(content);
            StringBuilder text = new StringBuilder(sum.length * 2);
            for (byte b : sum) {
                text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return new Digest(SHA256, text.toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime must support SHA-256", e);
        }
    }

    /**
     * Checks a text against go-digest's rules, in go-digest's order.
     *
     * @param value the text
     * @return the first rule the text breaks, or empty if it is a valid digest
     */
    static Optional<String> check(final String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            return Optional.of("invalid checksum digest format: must be <algorithm>:<encoded>");
        }
        String algorithm = value.substring(0, colon);
        String encoded = value.substring(colon + 1);
        int length = expectedLength(algorithm);
        if (length == 0) {
            return Optional.of(
                    GO_DIGEST_SHAPE.matcher(value).matches()
                            ? "unsupported digest algorithm: must be sha256 or sha512"
                            : "invalid checksum digest format: must be <algorithm>:<encoded>");
        }
        if (encoded.length() != length) {
            return Optional.of(String.format(
                    Locale.ROOT, "invalid checksum digest length: %s needs %d hex characters", algorithm, length));
        }
        if (!LOWER_HEX.matcher(encoded).matches()) {
            return Optional.of("invalid checksum digest format: must be lowercase hex [a-f0-9]");
        }
        return Optional.empty();
    }

    private static int expectedLength(final String algorithm) {
        if (SHA256.equals(algorithm)) {
            return 64;
        }
        if (SHA512.equals(algorithm)) {
            return 128;
        }
        return 0;
    }

    /**
     * Returns the algorithm.
     *
     * @return {@code sha256} or {@code sha512}
     */
    public String algorithm() {
        return algorithm;
    }

    /**
     * Returns the encoded part after the colon.
     *
     * @return 64 or 128 lowercase hex characters
     */
    public String hex() {
        return hex;
    }

    /**
     * Returns the first 12 hex characters, as Docker shows short image IDs.
     *
     * @return 12 lowercase hex characters, without the algorithm
     */
    public String shortForm() {
        return hex.substring(0, SHORT_LENGTH);
    }

    @Override
    public boolean equals(@CheckForNull final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Digest)) {
            return false;
        }
        Digest other = (Digest) o;
        return algorithm.equals(other.algorithm) && hex.equals(other.hex);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + hex.hashCode();
    }

    /**
     * Returns the digest as text, e.g. {@code sha256:<64 hex>}; {@link #parse(String)} accepts it.
     *
     * @return {@code <algorithm>:<hex>}
     */
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
