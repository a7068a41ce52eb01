package io.jenkins.plugins.imagestreams.core.registry;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;

/**
 * The registry port. Implementations talk the OCI distribution protocol; the core never sees HTTP.
 *
 * <p>Contract, after the distribution spec and what {@code docker pull} does:
 *
 * <ul>
 *   <li>{@link #resolve} costs one {@code HEAD /v2/<repository>/manifests/<tag>} with an Accept header listing
 *       the OCI index, the Docker manifest list, the OCI manifest and the Docker v2 manifest, so that the digest
 *       equals the one {@code docker pull} shows. A GET follows only when the registry omits
 *       {@code Docker-Content-Digest}, or when an index's digest is new and its children must be read.
 *   <li>Every failure is a {@link RegistryException} whose {@link RegistryException#reason()} is a condition
 *       reason; messages name the registry and the reference, never a secret.
 *   <li>A call never runs past {@link ResolveOptions#deadline()}: no hidden retry loop.
 * </ul>
 */
public interface RegistryClient {
    /**
     * Resolves a reference to the manifest digest it points to now.
     *
     * @param reference a normalised reference with a tag or a digest, e.g. {@code docker.io/library/python:3.12}
     * @param credentials how to authenticate; {@link RegistryCredentials#anonymous()} for none
     * @param options the known digest (to skip reading an unchanged index), transport and deadline
     * @return the digest, media type, and for a new index its per-platform children
     * @throws RegistryException on any failure, typed by reason
     */
    ResolvedImage resolve(ImageReference reference, RegistryCredentials credentials, ResolveOptions options)
            throws RegistryException;

    /**
     * Lists the tags of a repository, following {@code Link: <…>; rel="next"} pagination up to a cap.
     *
     * @param repository a normalised reference whose registry and repository are used; its tag is ignored
     * @param credentials how to authenticate
     * @param options transport, deadline and the page cap
     * @return the tags, sorted, and whether the cap cut the list short
     * @throws RegistryException on any failure, typed by reason
     */
    TagList listTags(ImageReference repository, RegistryCredentials credentials, ResolveOptions options)
            throws RegistryException;
}
