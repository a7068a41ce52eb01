package io.jenkins.plugins.imagestreams.core.importing;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.registry.RegistryClient;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import io.jenkins.plugins.imagestreams.core.registry.TagList;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only registry port over the fixture's real {@code docker-registry}: one HEAD with the four-type Accept
 * per resolve, through {@link LocalRegistry#headDigest}. Single-platform images only; it stands in until the Jib
 * adapter exists on this branch.
 */
final class HeadRegistryClient implements RegistryClient {
    private final LocalRegistry registry;
    private final AtomicInteger heads = new AtomicInteger();

    HeadRegistryClient(final LocalRegistry registry) {
        this.registry = registry;
    }

    int heads() {
        return heads.get();
    }

    @Override
    public ResolvedImage resolve(
            final ImageReference reference, final RegistryCredentials credentials, final ResolveOptions options)
            throws RegistryException {
        heads.incrementAndGet();
        Optional<String> digest;
        try {
            digest = registry.headDigest(reference.repository(), reference.tagOrLatest());
        } catch (IOException e) {
            throw new RegistryException(
                    ConditionReason.Unavailable, reference.registry() + ": " + reference + ": " + e, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(
                    ConditionReason.Unavailable, reference.registry() + ": interrupted", Optional.empty());
        }
        Digest resolved = Digest.parse(digest.orElseThrow(() -> new RegistryException(
                ConditionReason.NotFound, reference.registry() + ": " + reference + " not found", Optional.empty())));
        return new ResolvedImage(
                resolved,
                "application/vnd.oci.image.manifest.v1+json",
                Map.of(),
                false,
                OptionalInt.empty(),
                Optional.empty());
    }

    @Override
    public TagList listTags(
            final ImageReference repository, final RegistryCredentials credentials, final ResolveOptions options) {
        throw new UnsupportedOperationException("not needed by the importer");
    }
}
