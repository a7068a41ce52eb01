package io.jenkins.plugins.imagestreams.core.model;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a tag's digest comes from: OpenShift's {@code TagReference.from}, with one type per kind so that an
 * impossible source (an alias into another stream) cannot be written down.
 *
 * <ul>
 *   <li>{@link RegistryImage} ({@code DockerImage}): imported from a registry, e.g. {@code quay.io/org/app:1.2}.
 *   <li>{@link StreamTag} ({@code ImageStreamTag}): a copy of another tag's digest, pinned when it is tagged.
 *   <li>{@link Alias} ({@code ImageStreamTag} with {@code reference}-style aliasing): follows another tag of
 *       the same stream, e.g. {@code latest -> 3.6}.
 *   <li>{@link StreamImage} ({@code ImageStreamImage}): exactly one digest, e.g. {@code other@sha256:…}.
 * </ul>
 */
public sealed interface TagSource
        permits TagSource.RegistryImage, TagSource.StreamTag, TagSource.Alias, TagSource.StreamImage {
    /**
     * Whether resolving this source needs a registry request.
     *
     * @return true only for {@link RegistryImage}
     */
    default boolean needsRegistry() {
        return false;
    }

    /**
     * Returns the OpenShift {@code from.kind} of this source.
     *
     * @return {@code DockerImage}, {@code ImageStreamTag} or {@code ImageStreamImage}
     */
    String kind();

    /**
     * An image in a registry, re-imported when its tag is scheduled.
     *
     * @param image the normalised reference, e.g. {@code docker.io/library/python:3.12}
     */
    record RegistryImage(ImageReference image) implements TagSource {
        /** Validates the record. */
        public RegistryImage {
            Objects.requireNonNull(image, "image");
        }

        /**
         * Parses a registry image reference.
         *
         * @param reference e.g. {@code python:3.12} or {@code quay.io/org/app@sha256:…}
         * @return the source
         * @throws io.jenkins.plugins.imagestreams.core.InvalidValueException if the reference is invalid
         */
        public static RegistryImage parse(final String reference) {
            return new RegistryImage(ImageReference.parse(reference));
        }

        @Override
        public boolean needsRegistry() {
            return image.digest().isEmpty();
        }

        @Override
        public String kind() {
            return "DockerImage";
        }

        @Override
        public String toString() {
            return image.toString();
        }
    }

    /**
     * A copy of another stream's (or this stream's) tag: its digest is resolved and pinned when the tag is
     * set, and does not follow later moves of the source.
     *
     * @param stream the source stream; the tag's own stream when it is a copy within a stream
     * @param tag the source tag
     */
    record StreamTag(String stream, String tag) implements TagSource {
        /** Validates the record. */
        public StreamTag {
            Names.requireStreamName("from.stream", stream);
            Names.requireTagName("from.tag", tag);
        }

        @Override
        public String kind() {
            return "ImageStreamTag";
        }

        @Override
        public String toString() {
            return stream + ":" + tag;
        }
    }

    /**
     * An alias within one stream: the tag always has the digest its target has now. Aliases never cross
     * streams (OpenShift rejects them too), and chains must end at a tag that is not an alias.
     *
     * @param tag the target tag in the same stream, e.g. {@code 3.6}
     */
    record Alias(String tag) implements TagSource {
        /** Validates the record. */
        public Alias {
            Names.requireTagName("from.tag", tag);
        }

        @Override
        public String kind() {
            return "ImageStreamTag";
        }

        @Override
        public String toString() {
            return "alias of " + tag;
        }
    }

    /**
     * Exactly one image: a digest from a stream's history.
     *
     * @param stream the stream whose history holds the digest; empty for the tag's own stream
     * @param digest the pinned digest
     */
    record StreamImage(Optional<String> stream, Digest digest) implements TagSource {
        /** Validates the record. */
        public StreamImage {
            Objects.requireNonNull(digest, "digest");
            stream.ifPresent(s -> Names.requireStreamName("from.stream", s));
        }

        @Override
        public String kind() {
            return "ImageStreamImage";
        }

        @Override
        public String toString() {
            return stream.map(s -> s + "@").orElse("") + digest;
        }
    }
}
