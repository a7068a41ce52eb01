package io.jenkins.plugins.imagestreams.testing.registry;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Pushes, moves, deletes and reads manifests over the registry's HTTP API, the way a client without Docker does. */
final class RegistryPusher {

    /** The four manifest types, for {@code Accept}: OCI index, Docker list, OCI manifest, Docker v2 manifest. */
    static final String MANIFEST_ACCEPT = String.join(
            ", ",
            IndexFormat.OCI_INDEX.mediaType(),
            IndexFormat.DOCKER_MANIFEST_LIST.mediaType(),
            ManifestFormat.OCI_MANIFEST.mediaType(),
            ManifestFormat.DOCKER_SCHEMA2.mediaType());

    private static final String DEFAULT_PLATFORM = "linux/amd64";

    private final RegistryHttp http;
    private final AtomicLong seeds = new AtomicLong();
    private final Set<String> uploadedBlobs = ConcurrentHashMap.newKeySet();

    RegistryPusher(RegistryHttp http) {
        this.http = http;
    }

    /** Pushes a new, distinct linux/amd64 image under {@code tag}; returns its digest, {@code sha256:<64 hex>}. */
    String pushImage(String repository, String tag, ManifestFormat format) throws IOException, InterruptedException {
        return pushImage(repository, tag, format, DEFAULT_PLATFORM);
    }

    /**
     * Pushes a new, distinct image for {@code platform} under {@code reference} (a tag, or its own digest).
     *
     * @return the manifest digest, {@code sha256:<64 hex>} of the exact bytes PUT
     */
    String pushImage(String repository, String reference, ManifestFormat format, String platform)
            throws IOException, InterruptedException {
        byte[] manifest = imageManifest(repository, reference, format, platform);
        return putManifest(repository, reference, format.mediaType(), manifest);
    }

    /** Pushes one distinct child per platform (by digest), then the index under {@code tag}. */
    PushedIndex pushIndex(String repository, String tag, IndexFormat format, String... platforms)
            throws IOException, InterruptedException {
        if (platforms.length == 0) {
            throw new IllegalArgumentException("An index needs at least one platform");
        }
        Map<String, byte[]> children = new LinkedHashMap<>();
        Map<String, String> childDigests = new LinkedHashMap<>();
        for (String platform : platforms) {
            byte[] child = imageManifest(repository, tag, format.childFormat(), platform);
            String digest = Sha256.digestOf(child);
            putManifest(repository, digest, format.childFormat().mediaType(), child);
            children.put(platform, child);
            childDigests.put(platform, digest);
        }
        String digest = putManifest(repository, tag, format.mediaType(), ImageContent.index(format, children));
        return new PushedIndex(digest, childDigests);
    }

    /** Deletes the manifest that {@code tag} points to (by digest, so every tag on it goes); returns that digest. */
    String deleteTag(String repository, String tag) throws IOException, InterruptedException {
        String digest = headDigest(repository, tag)
                .orElseThrow(() -> new IOException("No manifest to delete at " + repository + ":" + tag));
        http.expect(202, http.request(manifestPath(repository, digest)).DELETE());
        return digest;
    }

    /** HEADs a manifest with the four-type {@code Accept}. */
    HttpResponse<byte[]> headManifest(String repository, String reference) throws IOException, InterruptedException {
        return http.send(http.request(manifestPath(repository, reference))
                .header("Accept", MANIFEST_ACCEPT)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    /** @return the {@code Docker-Content-Digest} of a HEAD with the four-type Accept, or empty on 404 */
    Optional<String> headDigest(String repository, String reference) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = headManifest(repository, reference);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("HEAD " + response.uri() + " gave " + response.statusCode());
        }
        return Optional.of(response.headers()
                .firstValue("Docker-Content-Digest")
                .orElseThrow(() -> new IOException("No Docker-Content-Digest from HEAD " + response.uri())));
    }

    private byte[] imageManifest(String repository, String reference, ManifestFormat format, String platform)
            throws IOException, InterruptedException {
        String seed = repository + ":" + reference + "/" + platform + "#" + seeds.incrementAndGet();
        byte[] config = ImageContent.config(platform, seed);
        uploadBlob(repository, config);
        uploadBlob(repository, ImageContent.LAYER);
        return ImageContent.manifest(format, config, seed);
    }

    private String putManifest(String repository, String reference, String mediaType, byte[] manifest)
            throws IOException, InterruptedException {
        String digest = Sha256.digestOf(manifest);
        HttpResponse<byte[]> response = http.expect(
                201,
                http.request(manifestPath(repository, reference))
                        .header("Content-Type", mediaType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)));
        String echoed = response.headers().firstValue("Docker-Content-Digest").orElse(digest);
        if (!echoed.equals(digest)) {
            throw new IOException("Registry stored " + echoed + " for a manifest whose bytes hash to " + digest);
        }
        return digest;
    }

    private void uploadBlob(String repository, byte[] blob) throws IOException, InterruptedException {
        String digest = Sha256.digestOf(blob);
        if (uploadedBlobs.contains(repository + "@" + digest)) {
            return;
        }
        HttpResponse<byte[]> started = http.expect(
                202, http.request("/v2/" + repository + "/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()));
        String location = started.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IOException("No Location on blob upload to " + repository));
        String separator = location.contains("?") ? "&" : "?";
        http.expect(
                201,
                http.request(location + separator + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8))
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)));
        uploadedBlobs.add(repository + "@" + digest);
    }

    private static String manifestPath(String repository, String reference) {
        return "/v2/" + repository + "/manifests/" + reference;
    }
}
