package io.jenkins.plugins.imagestreams.core;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The result of one import attempt of a registry tag, as the importer hands it to {@link ImageStreams}. */
public sealed interface ImportOutcome {
    /**
     * Returns the {@code importRequested} counter the import started from, so that "import now" requests
     * made during the import stay pending.
     *
     * @return the counter value seen when the import started
     */
    long requestedSeen();

    /**
     * The registry answered with a digest.
     *
     * @param digest the manifest (or index) digest, {@code sha256:<64 hex>}
     * @param pullSpec the pullable reference, {@code <registry>/<repository>@<digest>}
     * @param platformDigests for an index: each platform's child digest by normalised platform
     * @param cause {@code poll}, {@code webhook} or {@code manual}
     * @param user who asked, {@code SYSTEM} for the poller
     * @param requestedSeen see {@link ImportOutcome#requestedSeen()}
     */
    record Resolved(
            Digest digest,
            String pullSpec,
            Map<String, Digest> platformDigests,
            TagEventCause cause,
            String user,
            long requestedSeen)
            implements ImportOutcome {
        /** Validates and copies the record. */
        public Resolved {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(pullSpec, "pullSpec");
            platformDigests = Map.copyOf(platformDigests);
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * The import failed; the tag keeps its last good digest.
     *
     * @param reason the condition reason
     * @param message names the registry and the reference, never a secret
     * @param retryAfter when the registry allows the next attempt, if it said
     * @param requestedSeen see {@link ImportOutcome#requestedSeen()}
     */
    record Failed(ConditionReason reason, String message, Optional<Instant> retryAfter, long requestedSeen)
            implements ImportOutcome {
        /** Validates the record. */
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
