package io.jenkins.plugins.imagestreams.core.model;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a registry tag is imported: OpenShift's {@code TagImportPolicy}, plus the platforms to trigger on and
 * the Jenkins credentials ID to authenticate with.
 *
 * @param scheduled whether the poller re-imports the tag periodically
 * @param insecure whether plain HTTP or unverified TLS is allowed; honoured only for registries on the
 *     administrator's allowlist
 * @param importMode how an index is imported
 * @param platforms the platforms whose digests count as a change for triggering; empty for all
 * @param credentialsId the ID of a Jenkins credential (never the secret itself); empty for anonymous
 */
public record ImportPolicy(
        boolean scheduled,
        boolean insecure,
        ImportMode importMode,
        List<Platform> platforms,
        Optional<String> credentialsId) {
    private static final Pattern CREDENTIALS_ID = Pattern.compile("^[\\w.@:/+-]{1,256}$");

    /** The default: not scheduled, secure, {@code PreserveOriginal}, all platforms, anonymous. */
    public static final ImportPolicy DEFAULT =
            new ImportPolicy(false, false, ImportMode.PRESERVE_ORIGINAL, List.of(), Optional.empty());

    /** Validates and copies the record. */
    public ImportPolicy {
        Objects.requireNonNull(importMode, "importMode");
        platforms = List.copyOf(platforms);
        if (platforms.stream().distinct().count() != platforms.size()) {
            throw new InvalidValueException("platforms", "must not repeat a platform", platforms.toString());
        }
        credentialsId.ifPresent(ImportPolicy::requireCredentialsId);
    }

    private static void requireCredentialsId(final String id) {
        if (!CREDENTIALS_ID.matcher(id).matches()) {
            throw new InvalidValueException(
                    "credentialsId", "must be 1 to 256 letters, digits or one of _ . @ : / + -", id);
        }
    }

    /**
     * Returns a copy with {@code scheduled} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public ImportPolicy withScheduled(final boolean value) {
        return new ImportPolicy(value, insecure, importMode, platforms, credentialsId);
    }
}
