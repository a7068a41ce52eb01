package io.jenkins.plugins.imagestreams.testing.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/** The JSON and blob bytes of the small images the fixture pushes. */
final class ImageContent {

    /** The label and annotation whose value makes each pushed image distinct. */
    static final String SEED_KEY = "io.jenkins.plugins.imagestreams.test.seed";

    /** Two empty 512-byte tar blocks: an empty tar archive, the uncompressed layer. */
    private static final byte[] EMPTY_TAR = new byte[1024];

    /** The gzipped layer; Java writes a fixed gzip header, so these bytes are the same in every run. */
    static final byte[] LAYER = gzip(EMPTY_TAR);

    private ImageContent() {}

    /**
     * @param platform {@code os/arch[/variant]}
     * @param seed makes the config, and so the image, distinct
     * @return an image config whose rootfs names the one {@link #LAYER}
     */
    static byte[] config(String platform, String seed) {
        String[] parts = platformParts(platform);
        String variant = parts.length == 3 ? ",\"variant\":" + Json.quote(parts[2]) : "";
        return utf8("{\"architecture\":" + Json.quote(parts[1]) + ",\"os\":" + Json.quote(parts[0]) + variant
                + ",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + Json.quote(Sha256.digestOf(EMPTY_TAR))
                + "]},\"config\":{\"Labels\":{" + Json.quote(SEED_KEY) + ":" + Json.quote(seed) + "}}}");
    }

    /** @return a manifest of one config and one layer; OCI manifests also carry the seed as an annotation */
    static byte[] manifest(ManifestFormat format, byte[] config, String seed) {
        String annotations = format == ManifestFormat.OCI_MANIFEST
                ? ",\"annotations\":{" + Json.quote(SEED_KEY) + ":" + Json.quote(seed) + "}"
                : "";
        return utf8("{\"schemaVersion\":2,\"mediaType\":" + Json.quote(format.mediaType()) + ",\"config\":"
                + descriptor(format.configMediaType(), config) + ",\"layers\":["
                + descriptor(format.layerMediaType(), LAYER) + "]" + annotations + "}");
    }

    /**
     * @param children platform ({@code os/arch[/variant]}) to child manifest bytes, in order
     * @return an index or manifest list with one entry per child
     */
    static byte[] index(IndexFormat format, Map<String, byte[]> children) {
        String entries = children.entrySet().stream()
                .map(child -> indexEntry(format.childFormat(), child.getKey(), child.getValue()))
                .collect(Collectors.joining(","));
        return utf8("{\"schemaVersion\":2,\"mediaType\":" + Json.quote(format.mediaType()) + ",\"manifests\":["
                + entries + "]}");
    }

    private static String indexEntry(ManifestFormat childFormat, String platform, byte[] child) {
        String[] parts = platformParts(platform);
        String variant = parts.length == 3 ? ",\"variant\":" + Json.quote(parts[2]) : "";
        String descriptor = descriptor(childFormat.mediaType(), child);
        return descriptor.substring(0, descriptor.length() - 1) + ",\"platform\":{\"architecture\":"
                + Json.quote(parts[1]) + ",\"os\":" + Json.quote(parts[0]) + variant + "}}";
    }

    private static String descriptor(String mediaType, byte[] content) {
        return "{\"mediaType\":" + Json.quote(mediaType) + ",\"size\":" + content.length + ",\"digest\":"
                + Json.quote(Sha256.digestOf(content)) + "}";
    }

    private static String[] platformParts(String platform) {
        String[] parts = platform.split("/");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("Platform must be os/arch[/variant]: " + platform);
        }
        return parts;
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
