package io.jenkins.plugins.imagestreams.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.Test;

/** The values of the registry port: credentials that never print their secret, results, options, failures. */
public class RegistryValuesTest {
    private static final Digest DIGEST = Digest.sha256Of("x".getBytes(StandardCharsets.UTF_8));

    @Test
    public void shouldNeverPrintSecrets() {
        RegistryCredentials basic = RegistryCredentials.usernamePassword("robot", "hunter2-password");
        RegistryCredentials token = RegistryCredentials.token("tok-123456");

        assertThat(basic).hasToString("robot:****");
        assertThat(token).hasToString("token(****)");
        assertThat(RegistryCredentials.anonymous()).hasToString("anonymous");
        assertThat(basic.cacheKey()).startsWith("robot#").doesNotContain("hunter2");
        assertThat(token.cacheKey()).startsWith("<token>#").doesNotContain("tok-123456");
        assertThat(RegistryCredentials.anonymous().cacheKey()).isEqualTo("anonymous");
        assertThat(basic.cacheKey())
                .isNotEqualTo(
                        RegistryCredentials.usernamePassword("robot", "other").cacheKey());
    }

    @Test
    public void shouldExposeParts() {
        RegistryCredentials basic = RegistryCredentials.usernamePassword("robot", "pw");

        assertThat(basic.username()).contains("robot");
        assertThat(basic.secret()).contains("pw");
        assertThat(basic.isAnonymous()).isFalse();
        assertThat(RegistryCredentials.anonymous().isAnonymous()).isTrue();
        assertThat(RegistryCredentials.anonymous().secret()).isEmpty();
        assertThatThrownBy(() -> RegistryCredentials.token(null)).isInstanceOf(NullPointerException.class);
        EqualsVerifier.forClass(RegistryCredentials.class)
                .withIgnoredAnnotations(edu.umd.cs.findbugs.annotations.NonNull.class)
                .verify();
    }

    @Test
    public void shouldTellIndexesFromManifests() {
        ResolvedImage index = new ResolvedImage(
                DIGEST,
                ResolvedImage.OCI_INDEX,
                Map.of("linux/amd64", DIGEST),
                true,
                OptionalInt.of(99),
                Optional.empty());
        ResolvedImage list = new ResolvedImage(
                DIGEST, ResolvedImage.DOCKER_MANIFEST_LIST, Map.of(), false, OptionalInt.empty(), Optional.empty());
        ResolvedImage manifest = new ResolvedImage(
                DIGEST,
                "application/vnd.oci.image.manifest.v1+json",
                Map.of(),
                false,
                OptionalInt.empty(),
                Optional.empty());

        assertThat(index.isIndex()).isTrue();
        assertThat(list.isIndex()).isTrue();
        assertThat(manifest.isIndex()).isFalse();
        assertThat(index.platformDigests()).containsEntry("linux/amd64", DIGEST);
        assertThat(index.rateLimitRemaining()).hasValue(99);
    }

    @Test
    public void shouldValidateOptions() {
        ResolveOptions known = ResolveOptions.DEFAULT.withKnownDigest(DIGEST);

        assertThat(known.knownDigest()).contains(DIGEST);
        assertThat(known.deadline()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> new ResolveOptions(Optional.empty(), false, Duration.ZERO, 1))
                .hasMessage("deadline must be positive");
        assertThatThrownBy(() -> new ResolveOptions(Optional.empty(), false, Duration.ofSeconds(1), 0))
                .hasMessage("maxPages must be at least 1");
        assertThat(new TagList(List.of("a", "b"), true).tags()).containsExactly("a", "b");
    }

    @Test
    public void shouldCarryReasonAndRetryAfter() {
        Instant later = Instant.parse("2026-11-30T10:00:00Z");
        RegistryException limited = new RegistryException(
                ConditionReason.RateLimited,
                "docker.io: docker.io/library/python:3.12 answered 429",
                Optional.of(later));
        RegistryException missing =
                new RegistryException(ConditionReason.NotFound, "quay.io: not found", Optional.empty());

        assertThat(limited.reason()).isEqualTo(ConditionReason.RateLimited);
        assertThat(limited.retryAfter()).contains(later);
        assertThat(limited).hasMessageContaining("429");
        assertThat(missing.retryAfter()).isEmpty();
    }
}
