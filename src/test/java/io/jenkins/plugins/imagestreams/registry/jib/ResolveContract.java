package io.jenkins.plugins.imagestreams.registry.jib;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import io.jenkins.plugins.imagestreams.testing.registry.IndexFormat;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import io.jenkins.plugins.imagestreams.testing.registry.PushedIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

/**
 * The resolve contract for every format, run against each fixture variant by a subclass: the resolved digest is
 * the registry's digest of the stored manifest, and an index's children are the pushed children.
 */
public abstract class ResolveContract {

    /** @return the variant under test, a {@code @Rule} of the subclass */
    protected abstract LocalRegistry registry();

    /** @return the credentials the variant needs */
    protected abstract RegistryCredentials credentials();

    /** @return a client configured for the variant (CA for TLS, insecure for plain HTTP) */
    protected JibRegistryClient client() throws IOException {
        return new JibRegistryClient(registry -> transport(registry()), Clock.systemUTC());
    }

    /** @return the transport for a fixture variant: its CA for TLS, insecure for plain HTTP */
    static RegistryTransport transport(LocalRegistry registry) {
        if (!registry.isTls()) {
            return RegistryTransport.DEFAULT.withInsecure(true);
        }
        try {
            return RegistryTransport.DEFAULT.withCaCertificates(
                    Files.readString(registry.caCertificatePem(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void shouldResolveDockerV2ManifestToPushedDigest() throws Exception {
        String pushed = registry().pushImage("demo/app", "docker-v2", ManifestFormat.DOCKER_SCHEMA2);

        ResolvedImage resolved = resolve("demo/app", "docker-v2");

        assertThat(resolved.digest()).isEqualTo(Digest.parse(pushed));
        assertThat(resolved.mediaType()).isEqualTo(ManifestFormat.DOCKER_SCHEMA2.mediaType());
        assertThat(resolved.platformDigests()).isEmpty();
    }

    @Test
    public void shouldResolveOciManifestToPushedDigest() throws Exception {
        String pushed = registry().pushImage("demo/app", "oci", ManifestFormat.OCI_MANIFEST);

        ResolvedImage resolved = resolve("demo/app", "oci");

        assertThat(resolved.digest()).isEqualTo(Digest.parse(pushed));
        assertThat(resolved.mediaType()).isEqualTo(ManifestFormat.OCI_MANIFEST.mediaType());
    }

    @Test
    public void shouldResolveOciIndexWithItsChildren() throws Exception {
        PushedIndex pushed = registry()
                .pushIndex(
                        "demo/multi",
                        "oci-index",
                        IndexFormat.OCI_INDEX,
                        "linux/amd64",
                        "linux/arm64/v8",
                        "linux/arm/v7");

        ResolvedImage resolved = resolve("demo/multi", "oci-index");

        assertThat(resolved.digest()).isEqualTo(Digest.parse(pushed.digest()));
        assertThat(resolved.mediaType()).isEqualTo(IndexFormat.OCI_INDEX.mediaType());
        assertThat(resolved.childrenRead()).isTrue();
        assertThat(resolved.platformDigests()).isEqualTo(normalised(pushed));
    }

    @Test
    public void shouldResolveDockerManifestListWithItsChildren() throws Exception {
        PushedIndex pushed = registry()
                .pushIndex(
                        "demo/multi", "docker-list", IndexFormat.DOCKER_MANIFEST_LIST, "linux/amd64", "linux/arm64/v8");

        ResolvedImage resolved = resolve("demo/multi", "docker-list");

        assertThat(resolved.digest()).isEqualTo(Digest.parse(pushed.digest()));
        assertThat(resolved.mediaType()).isEqualTo(IndexFormat.DOCKER_MANIFEST_LIST.mediaType());
        assertThat(resolved.platformDigests()).isEqualTo(normalised(pushed));
    }

    @Test
    public void shouldNotReadChildrenOfKnownIndex() throws Exception {
        PushedIndex pushed = registry().pushIndex("demo/multi", "known", IndexFormat.OCI_INDEX, "linux/amd64");

        ResolvedImage resolved = client().resolve(
                        ImageReference.parse(registry().imageReference("demo/multi", "known")),
                        credentials(),
                        ResolveOptions.DEFAULT.withKnownDigest(Digest.parse(pushed.digest())));

        assertThat(resolved.digest()).isEqualTo(Digest.parse(pushed.digest()));
        assertThat(resolved.childrenRead()).isFalse();
        assertThat(resolved.platformDigests()).isEmpty();
    }

    @Test
    public void shouldResolveByDigest() throws Exception {
        String pushed = registry().pushImage("demo/app", "by-digest", ManifestFormat.OCI_MANIFEST);

        ResolvedImage resolved = resolve("demo/app", pushed);

        assertThat(resolved.digest()).isEqualTo(Digest.parse(pushed));
    }

    private ResolvedImage resolve(String repository, String reference) throws Exception {
        return client().resolve(
                        ImageReference.parse(registry().imageReference(repository, reference)),
                        credentials(),
                        ResolveOptions.DEFAULT);
    }

    static Map<String, Digest> normalised(PushedIndex pushed) {
        Map<String, Digest> expected = new LinkedHashMap<>();
        pushed.childDigests()
                .forEach((platform, digest) ->
                        expected.put(Platform.parse(platform).toString(), Digest.parse(digest)));
        return expected;
    }
}
