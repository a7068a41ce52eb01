package io.jenkins.plugins.imagestreams.core.spec;

import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHosts;
import io.jenkins.plugins.imagestreams.core.triggering.Subscription;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the {@code unclassified: imageStreams:} section of a JCasC file configures: the validated streams, the
 * registry allowlist, each stream's access lists and the downstream jobs listed on its tags.
 *
 * @param streams the streams, in file order
 * @param allowlist the registry allowlist ({@code allowedRegistries})
 * @param access the access lists of every stream, in file order
 * @param subscriptions one subscription per downstream job of a tag, all platforms (the tag's own {@code platforms}
 *     decide), in file order
 * @param registries the per-registry transport settings ({@code registries}: CA certificates, insecure, timeouts)
 */
public record StreamsSpec(
        List<ImageStream> streams,
        RegistryAllowlist allowlist,
        List<AccessLists> access,
        List<Subscription> subscriptions,
        RegistryHosts registries) {
    /** Validates and copies the record. */
    public StreamsSpec {
        Objects.requireNonNull(registries, "registries");
        streams = List.copyOf(streams);
        Objects.requireNonNull(allowlist, "allowlist");
        access = List.copyOf(access);
        subscriptions = List.copyOf(subscriptions);
    }

    /**
     * Finds a stream.
     *
     * @param name the stream name
     * @return the stream, or empty when the section defines none by that name
     */
    public Optional<ImageStream> stream(final String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Counts the tags of all streams.
     *
     * @return the number of tags
     */
    public int tagCount() {
        return streams.stream().mapToInt(s -> s.tags().size()).sum();
    }

    /**
     * The per-stream access lists ({@code viewers}, {@code taggers}, {@code importers}), split as the plugin splits
     * them: at commas and white space.
     *
     * @param stream the stream name
     * @param viewers user IDs and group names that may view; empty for no restriction
     * @param taggers user IDs and group names that may tag; empty for no restriction
     * @param importers user IDs and group names that may import; empty for no restriction
     */
    public record AccessLists(String stream, Set<String> viewers, Set<String> taggers, Set<String> importers) {
        /** Validates and copies the record. */
        public AccessLists {
            Objects.requireNonNull(stream, "stream");
            viewers = Set.copyOf(viewers);
            taggers = Set.copyOf(taggers);
            importers = Set.copyOf(importers);
        }

        static Set<String> names(final String text) {
            return Arrays.stream(text.split("[,\\s]+"))
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet());
        }
    }

    /** One stream as read, with its access lists and subscriptions. */
    record Stream(ImageStream spec, AccessLists access, List<Subscription> subscriptions) {}
}
