package io.jenkins.plugins.imagestreams.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

public class LocalRegistryPlainTest {

    private static final String DIGEST = "sha256:[0-9a-f]{64}";

    @Rule
    public LocalRegistry registry = LocalRegistry.plain();

    @Test
    public void shouldReadBackDigestOfPushedOciManifest() throws Exception {
        String digest = registry.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);

        assertThat(digest).matches(DIGEST);
        assertThat(registry.headDigest("demo/app", "v1")).contains(digest);
        assertThat(registry.baseUri().toString()).isEqualTo("http://" + registry.hostAndPort());
        assertThat(registry.hostAndPort()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(registry.imageReference("demo/app", "v1")).isEqualTo(registry.hostAndPort() + "/demo/app:v1");
        assertThat(registry.imageReference("demo/app", digest))
                .isEqualTo(registry.hostAndPort() + "/demo/app@" + digest);
    }

    @Test
    public void shouldServeDockerSchema2ManifestWhoseBytesHashToPushedDigest() throws Exception {
        String digest = registry.pushImage("demo/app", "schema2", ManifestFormat.DOCKER_SCHEMA2);

        HttpResponse<byte[]> get = getManifest("demo/app", "schema2");

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(Sha256.digestOf(get.body())).isEqualTo(digest);
        assertThat(get.headers().firstValue("Content-Type")).contains(ManifestFormat.DOCKER_SCHEMA2.mediaType());
        assertThat(registry.headDigest("demo/app", "schema2")).contains(digest);
    }

    @Test
    public void shouldPushDistinctImagesOnEveryCall() throws Exception {
        String first = registry.pushImage("demo/app", "a", ManifestFormat.OCI_MANIFEST);
        String second = registry.pushImage("demo/app", "b", ManifestFormat.OCI_MANIFEST);
        String third = registry.pushImage("demo/app", "c", ManifestFormat.DOCKER_SCHEMA2);
        String fourth = registry.pushImage("demo/app", "d", ManifestFormat.DOCKER_SCHEMA2);

        assertThat(List.of(first, second, third, fourth)).doesNotHaveDuplicates();
    }

    @Test
    public void shouldReadBackOciIndexDigestAndChildDigests() throws Exception {
        PushedIndex index =
                registry.pushIndex("demo/multi", "v1", IndexFormat.OCI_INDEX, "linux/amd64", "linux/arm64/v8");

        assertIndexReadsBack("demo/multi", "v1", index, IndexFormat.OCI_INDEX);
    }

    @Test
    public void shouldReadBackDockerManifestListDigestAndChildDigests() throws Exception {
        PushedIndex list = registry.pushIndex(
                "demo/multi", "list", IndexFormat.DOCKER_MANIFEST_LIST, "linux/amd64", "linux/arm64/v8");

        assertIndexReadsBack("demo/multi", "list", list, IndexFormat.DOCKER_MANIFEST_LIST);
    }

    @Test
    public void shouldChangeHeadDigestWhenTagMoves() throws Exception {
        String before = registry.pushImage("demo/app", "stable", ManifestFormat.OCI_MANIFEST);

        String after = registry.moveTag("demo/app", "stable", ManifestFormat.OCI_MANIFEST);

        assertThat(after).matches(DIGEST).isNotEqualTo(before);
        assertThat(registry.headDigest("demo/app", "stable")).contains(after);
    }

    @Test
    public void shouldAnswer404AfterTagIsDeleted() throws Exception {
        String digest = registry.pushImage("demo/app", "doomed", ManifestFormat.DOCKER_SCHEMA2);

        String deleted = registry.deleteTag("demo/app", "doomed");

        assertThat(deleted).isEqualTo(digest);
        assertThat(registry.headManifest("demo/app", "doomed").statusCode()).isEqualTo(404);
        assertThat(registry.headDigest("demo/app", "doomed")).isEmpty();
    }

    private void assertIndexReadsBack(String repository, String tag, PushedIndex index, IndexFormat format)
            throws Exception {
        HttpResponse<byte[]> head = registry.headManifest(repository, tag);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Docker-Content-Digest")).contains(index.digest());
        assertThat(head.headers().firstValue("Content-Type")).contains(format.mediaType());
        assertThat(index.childDigests()).containsOnlyKeys("linux/amd64", "linux/arm64/v8");

        HttpResponse<byte[]> get = getManifest(repository, tag);
        assertThat(Sha256.digestOf(get.body())).isEqualTo(index.digest());
        String body = new String(get.body(), StandardCharsets.UTF_8);
        assertThat(body)
                .contains(index.childDigest("linux/amd64"), index.childDigest("linux/arm64/v8"))
                .contains("\"variant\":\"v8\"");
        for (String child : index.childDigests().values()) {
            assertThat(registry.headDigest(repository, child)).contains(child);
        }
    }

    private HttpResponse<byte[]> getManifest(String repository, String reference) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(
                        registry.baseUri().resolve("/v2/" + repository + "/manifests/" + reference))
                .header("Accept", LocalRegistry.MANIFEST_ACCEPT)
                .build();
        return registry.httpClient().send(get, HttpResponse.BodyHandlers.ofByteArray());
    }
}
