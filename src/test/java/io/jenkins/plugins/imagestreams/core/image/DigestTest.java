package io.jenkins.plugins.imagestreams.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.nio.charset.StandardCharsets;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.Test;

public class DigestTest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    public void shouldParseSha256() {
        Digest digest = Digest.parse("sha256:" + EMPTY_SHA256);

        assertThat(digest.algorithm()).isEqualTo("sha256");
        assertThat(digest.hex()).isEqualTo(EMPTY_SHA256);
        assertThat(digest.shortForm()).isEqualTo("e3b0c44298fc");
        assertThat(digest).hasToString("sha256:" + EMPTY_SHA256);
    }

    @Test
    public void shouldParseSha512() {
        Digest digest = Digest.parse("sha512:" + "f".repeat(128));

        assertThat(digest.algorithm()).isEqualTo("sha512");
        assertThat(digest.hex()).hasSize(128);
        assertThat(Digest.parse(digest.toString())).isEqualTo(digest);
    }

    @Test
    public void shouldComputeSha256OfBytes() {
        assertThat(Digest.sha256Of(new byte[0])).hasToString("sha256:" + EMPTY_SHA256);
        assertThat(Digest.sha256Of("hello".getBytes(StandardCharsets.UTF_8)))
                .hasToString("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    public void shouldTellDigestsFromOtherText() {
        assertThat(Digest.isDigest("sha256:" + EMPTY_SHA256)).isTrue();
        assertThat(Digest.isDigest("sha256:" + EMPTY_SHA256.toUpperCase(java.util.Locale.ROOT)))
                .isFalse();
        assertThat(Digest.isDigest(EMPTY_SHA256)).isFalse();
        assertThat(Digest.isDigest(null)).isFalse();
    }

    @Test
    public void shouldRejectInGoDigestOrder() {
        assertThatThrownBy(() -> Digest.parse("sha256"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("digest: invalid checksum digest format: must be <algorithm>:<encoded> (got 'sha256')");
        assertThatThrownBy(() -> Digest.parse("sha384:" + "a".repeat(96)))
                .hasMessageContaining("unsupported digest algorithm");
        assertThatThrownBy(() -> Digest.parse("SHA256:" + EMPTY_SHA256))
                .hasMessageContaining("invalid checksum digest format");
        assertThatThrownBy(() -> Digest.parse("sha256:" + "a".repeat(63)))
                .hasMessageContaining("invalid checksum digest length");
        assertThatThrownBy(() -> Digest.parse("sha256:" + "g".repeat(64)))
                .hasMessageContaining("must be lowercase hex");
    }

    @Test
    public void shouldObeyEqualsContract() {
        EqualsVerifier.forClass(Digest.class)
                .withNonnullFields("algorithm", "hex")
                .verify();
    }
}
