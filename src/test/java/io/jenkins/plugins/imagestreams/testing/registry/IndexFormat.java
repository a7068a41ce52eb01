package io.jenkins.plugins.imagestreams.testing.registry;

/** The multi-platform formats that {@link LocalRegistry} can push, each with the format of its children. */
public enum IndexFormat {
    /** An OCI image index whose children are OCI manifests. */
    OCI_INDEX("application/vnd.oci.image.index.v1+json", ManifestFormat.OCI_MANIFEST),
    /** A Docker manifest list whose children are Docker schema 2 manifests. */
    DOCKER_MANIFEST_LIST("application/vnd.docker.distribution.manifest.list.v2+json", ManifestFormat.DOCKER_SCHEMA2);

    private final String mediaType;
    private final ManifestFormat childFormat;

    IndexFormat(String mediaType, ManifestFormat childFormat) {
        this.mediaType = mediaType;
        this.childFormat = childFormat;
    }

    /** @return the index media type, sent as {@code Content-Type} on the PUT */
    public String mediaType() {
        return mediaType;
    }

    /** @return the format of the per-platform children */
    public ManifestFormat childFormat() {
        return childFormat;
    }
}
