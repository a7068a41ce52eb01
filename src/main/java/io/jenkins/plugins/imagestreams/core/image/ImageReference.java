package io.jenkins.plugins.imagestreams.core.image;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to a container image, parsed and normalised exactly as {@code docker pull} does, i.e. as
 * distribution/reference's {@code ParseNormalizedNamed}.
 *
 * <p>Shape: {@code [registry[:port]/]path[:tag][@digest]}. The normalised form always names the registry:
 * <ul>
 *   <li>{@code python} becomes {@code docker.io/library/python}, {@code user/app} becomes
 *       {@code docker.io/user/app};</li>
 *   <li>{@code index.docker.io} becomes {@code docker.io}, and a single-component path on {@code docker.io}
 *       gains {@code library/};</li>
 *   <li>the first component is a registry only if it contains {@code .} or {@code :}, is {@code localhost},
 *       or contains an uppercase letter (so {@code Foo/bar} is registry {@code Foo}, path {@code bar});</li>
 *   <li>registries may be host names, IPv4 addresses or bracketed IPv6 literals ({@code [::1]:5000}), with
 *       an optional port.</li>
 * </ul>
 *
 * <p>Rules (each rejected with an {@link InvalidValueException} whose field is {@value #FIELD}): a bare
 * 64-character lowercase hex string is an image ID, not a name ("cannot specify 64-byte hexadecimal
 * strings"); the path must be lowercase ("repository name must be lowercase"); the path is at most 255
 * characters; path components are {@code [a-z0-9]+} joined by {@code .}, {@code _}, {@code __} or
 * {@code -+}; a tag matches {@code [\w][\w.-]{0,127}}; a digest follows {@link Digest}'s rules.
 *
 * <p>A reference with neither tag nor digest stays tagless, as {@code ParseNormalizedNamed} leaves it:
 * {@link #tag()} is empty and {@link #toString()} has no {@code :latest}. {@link #tagOrLatest()} gives the
 * tag that {@code docker pull} would use, and {@link #dockerRef()} the reference it would pull. A reference
 * with both a tag and a digest keeps both; the digest decides what is pulled.
 *
 * <p>In one upstream corner the registry is empty: a first component that contains {@code .} or {@code :}
 * but is not a valid host, such as {@code foo_bar.com/app}, is kept as part of the path, exactly as
 * distribution/reference does.
 */
public final class ImageReference {
    /** The field name used in the errors of {@link #parse(String)}. */
    public static final String FIELD = "image reference";
    /** The registry of Docker Hub in normalised references. */
    public static final String DOCKER_HUB = "docker.io";
    /** The tag that {@code docker pull} uses when a reference has neither tag nor digest. */
    public static final String LATEST = "latest";

    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final String LOCALHOST = "localhost";
    private static final String OFFICIAL_PREFIX = "library/";

    private final String registry;
    private final String repository;

    @CheckForNull
    private final String tag;

    @CheckForNull
    private final Digest digest;

    private ImageReference(
            final String registry,
            final String repository,
            @CheckForNull final String tag,
            @CheckForNull final Digest digest) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses and normalises a reference as {@code docker pull} does ({@code ParseNormalizedNamed}).
     *
     * @param value e.g. {@code python}, {@code quay.io/org/app:1.2}, {@code [::1]:5000/x@sha256:<64 hex>}
     * @return the normalised reference, e.g. {@code docker.io/library/python}
     * @throws InvalidValueException with field {@value #FIELD} if the value breaks a rule of the grammar
     */
    public static ImageReference parse(@CheckForNull final String value) {
        if (value == null) {
            throw new InvalidValueException(FIELD, "must not be null", null);
        }
        if (value.isEmpty()) {
            throw new InvalidValueException(FIELD, "invalid reference format: must not be empty", value);
        }
        if (ReferenceGrammar.isIdentifier(value)) {
            throw new InvalidValueException(
                    FIELD, "invalid repository name, cannot specify 64-byte hexadecimal strings", value);
        }
        String[] split = splitDockerDomain(value);
        String remainder = split[1];
        int tagSeparator = remainder.indexOf(':');
        String remote = tagSeparator < 0 ? remainder : remainder.substring(0, tagSeparator);
        if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
            throw new InvalidValueException(
                    FIELD, "invalid reference format: repository name must be lowercase", value);
        }
        return fromGrammar(split[0] + "/" + remainder, value);
    }

    /**
     * Follows {@code splitDockerDomain}: decides whether the first component is a registry.
     *
     * @param name the reference as given
     * @return the domain and the remainder
     */
    private static String[] splitDockerDomain(final String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return new String[] {DOCKER_HUB, OFFICIAL_PREFIX + name};
        }
        String first = name.substring(0, slash);
        String rest = name.substring(slash + 1);
        String domain;
        String remote;
        if (LEGACY_DOCKER_HUB.equals(first)) {
            domain = DOCKER_HUB;
            remote = rest;
        } else if (LOCALHOST.equals(first)
                || first.indexOf('.') >= 0
                || first.indexOf(':') >= 0
                || !first.toLowerCase(Locale.ROOT).equals(first)) {
            domain = first;
            remote = rest;
        } else {
            domain = DOCKER_HUB;
            remote = name;
        }
        if (DOCKER_HUB.equals(domain) && remote.indexOf('/') < 0) {
            remote = OFFICIAL_PREFIX + remote;
        }
        return new String[] {domain, remote};
    }

    /**
     * Follows {@code Parse}: matches the grammar, checks the path length and validates the digest.
     *
     * @param full the domain, a slash and the remainder
     * @param value the input as the user gave it, for the error message
     * @return the reference
     */
    private static ImageReference fromGrammar(final String full, final String value) {
        Optional<ReferenceGrammar.Parts> match = ReferenceGrammar.split(full);
        if (match.isEmpty()) {
            String lower = full.toLowerCase(Locale.ROOT);
            if (!lower.equals(full) && ReferenceGrammar.split(lower).isPresent()) {
                throw new InvalidValueException(
                        FIELD, "invalid reference format: repository name must be lowercase", value);
            }
            throw new InvalidValueException(FIELD, ReferenceGrammar.diagnose(full), value);
        }
        ReferenceGrammar.Parts parts = match.get();
        if (parts.path().length() > ReferenceGrammar.MAX_PATH_LENGTH) {
            throw new InvalidValueException(FIELD, "repository name must not be more than 255 characters", value);
        }
        Digest digest = null;
        if (parts.digest() != null) {
            Optional<String> broken = Digest.check(parts.digest());
            if (broken.isPresent()) {
                throw new InvalidValueException(FIELD, broken.get(), value);
            }
            digest = Digest.parse(parts.digest());
        }
        return new ImageReference(parts.domain(), parts.path(), parts.tag(), digest);
    }

    /**
     * Returns a copy with the tag replaced, keeping any digest (as upstream's {@code WithTag}).
     *
     * @param newTag a tag matching {@code [\w][\w.-]{0,127}}
     * @return the new reference
     * @throws InvalidValueException with field {@code tag} if the tag is invalid
     */
    public ImageReference withTag(@CheckForNull final String newTag) {
        if (newTag == null || !ReferenceGrammar.isTag(newTag)) {
            throw new InvalidValueException("tag", "invalid tag format: must match [\\w][\\w.-]{0,127}", newTag);
        }
        return new ImageReference(registry, repository, newTag, digest);
    }

    /**
     * Returns a copy with the digest replaced, keeping any tag (as upstream's {@code WithDigest}).
     *
     * @param newDigest the digest
     * @return the new reference
     */
    public ImageReference withDigest(final Digest newDigest) {
        return new ImageReference(registry, repository, tag, Objects.requireNonNull(newDigest, "digest"));
    }

    /**
     * Returns the reference that {@code docker pull} resolves ({@code ParseDockerRef}): a tagless reference
     * gets {@code :latest}, and a reference with both tag and digest drops the tag.
     *
     * @return e.g. {@code docker.io/library/python:latest} for {@code python}
     */
    public ImageReference dockerRef() {
        if (digest != null) {
            return tag == null ? this : new ImageReference(registry, repository, null, digest);
        }
        return tag == null ? new ImageReference(registry, repository, LATEST, null) : this;
    }

    /**
     * Returns the registry (the domain), with its port if any.
     *
     * @return e.g. {@code docker.io}, {@code 127.0.0.1:5000}, {@code [::1]:5000}; empty only in the upstream
     *         corner described in the class comment
     */
    public String registry() {
        return registry;
    }

    /**
     * Returns the repository path within the registry.
     *
     * @return e.g. {@code library/python}
     */
    public String repository() {
        return repository;
    }

    /**
     * Returns the tag.
     *
     * @return the tag, or empty if the reference has none
     */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /**
     * Returns the tag, or {@code latest} if the reference has none, as {@code docker pull} defaults.
     *
     * @return the tag to resolve
     */
    public String tagOrLatest() {
        return tag == null ? LATEST : tag;
    }

    /**
     * Returns the digest.
     *
     * @return the digest, or empty if the reference has none
     */
    public Optional<Digest> digest() {
        return Optional.ofNullable(digest);
    }

    /**
     * Returns the full name without tag or digest.
     *
     * @return {@code registry/repository}, e.g. {@code docker.io/library/python}
     */
    public String name() {
        return registry.isEmpty() ? repository : registry + "/" + repository;
    }

    /**
     * Returns the name as Docker shows it ({@code FamiliarName}): without {@code docker.io/}, and without
     * {@code library/} when that leaves a single component.
     *
     * @return e.g. {@code python} or {@code user/app} or {@code quay.io/org/app}
     */
    public String familiarName() {
        if (!DOCKER_HUB.equals(registry)) {
            return name();
        }
        if (repository.startsWith(OFFICIAL_PREFIX)) {
            String remainder = repository.substring(OFFICIAL_PREFIX.length());
            if (remainder.indexOf('/') < 0) {
                return remainder;
            }
        }
        return repository;
    }

    /**
     * Returns the reference as Docker shows it ({@code FamiliarString}). Like upstream's, it does not always
     * read back as the same reference: {@code docker.io/a.b/c} is shown as {@code a.b/c}, which names registry
     * {@code a.b}. Use {@link #toString()} to store a reference.
     *
     * @return e.g. {@code python:3.12} or {@code python} or {@code busybox:latest@sha256:<64 hex>}
     */
    public String familiarString() {
        return withSuffixes(familiarName());
    }

    private String withSuffixes(final String name) {
        StringBuilder text = new StringBuilder(name);
        if (tag != null) {
            text.append(':').append(tag);
        }
        if (digest != null) {
            text.append('@').append(digest);
        }
        return text.toString();
    }

    @Override
    public boolean equals(@CheckForNull final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ImageReference)) {
            return false;
        }
        ImageReference other = (ImageReference) o;
        return registry.equals(other.registry)
                && repository.equals(other.repository)
                && Objects.equals(tag, other.tag)
                && Objects.equals(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registry, repository, tag, digest);
    }

    /**
     * Returns the full normalised reference, which {@link #parse(String)} turns back into an equal value.
     *
     * @return {@code name[:tag][@digest]}, e.g. {@code docker.io/library/python:3.12}
     */
    @Override
    public String toString() {
        return withSuffixes(name());
    }
}
