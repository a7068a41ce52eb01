package io.jenkins.plugins.imagestreams.testing.registry;

/** The single-image manifest formats that {@link LocalRegistry} can push. */
public enum ManifestFormat {
    /** An OCI image manifest, {@code application/vnd.oci.image.manifest.v1+json}. */
    OCI_MANIFEST(
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.config.v1+json",
            "application/vnd.oci.image.layer.v1.tar+gzip"),
    /** A Docker image manifest v2 schema 2, {@code application/vnd.docker.distribution.manifest.v2+json}. */
    DOCKER_SCHEMA2(
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.container.image.v1+json",
            "application/vnd.docker.image.rootfs.diff.tar.gzip");

    private final String mediaType;
    private final String configMediaType;
    private final String layerMediaType;

    ManifestFormat(String mediaType, String configMediaType, String layerMediaType) {
        this.mediaType = mediaType;
        this.configMediaType = configMediaType;
        this.layerMediaType = layerMediaType;
    }

    /** @return the manifest media type, sent as {@code Content-Type} on the PUT */
    public String mediaType() {
        return mediaType;
    }

    /** @return the media type of the config blob descriptor */
    public String configMediaType() {
        return configMediaType;
    }

    /** @return the media type of the layer blob descriptor */
    public String layerMediaType() {
        return layerMediaType;
    }
}
