package io.jenkins.plugins.imagestreams.core.triggering;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The persisted state of a subscription.
 *
 * @param lastTriggeredDigest the digest the job was last triggered for (or, for a baseline under
 *     {@link FirstRunPolicy#WAIT_FOR_CHANGE}, the digest current when the subscription started); empty when the tag
 *     had none
 * @param lastTriggeredAt when that trigger was decided; empty for a baseline
 * @param confirmed false between "state persisted" and "scheduling confirmed": the next evaluation asks the
 *     job's own record whether the build was scheduled, and schedules it again if not
 * @param previousDigest while unconfirmed: the digest triggered before, to return to if the scheduling was lost
 */
public record SubscriptionState(
        Optional<Digest> lastTriggeredDigest,
        Optional<Instant> lastTriggeredAt,
        boolean confirmed,
        Optional<Digest> previousDigest) {
    /** Validates the record. */
    public SubscriptionState {
        Objects.requireNonNull(lastTriggeredDigest, "lastTriggeredDigest");
        Objects.requireNonNull(lastTriggeredAt, "lastTriggeredAt");
        Objects.requireNonNull(previousDigest, "previousDigest");
        if (!confirmed && lastTriggeredDigest.isEmpty()) {
            throw new IllegalArgumentException("an unconfirmed state names the digest being scheduled");
        }
        if (confirmed && previousDigest.isPresent()) {
            throw new IllegalArgumentException("a confirmed state keeps no previous digest");
        }
    }

    /**
     * The starting point of a subscription that waits for the next change.
     *
     * @param current the tag's digest when the subscription started, if any
     * @return a confirmed state with no trigger time
     */
    public static SubscriptionState baseline(final Optional<Digest> current) {
        return new SubscriptionState(current, Optional.empty(), true, Optional.empty());
    }

    /**
     * The state written before a build is scheduled.
     *
     * @param digest the digest being triggered
     * @param previous the digest triggered before, if any
     * @param at when the trigger was decided
     * @return an unconfirmed state
     */
    public static SubscriptionState pending(final Digest digest, final Optional<Digest> previous, final Instant at) {
        return new SubscriptionState(Optional.of(digest), Optional.of(at), false, previous);
    }

    /**
     * The state of a subscription whose job already has a digest: a build was found in the job's own record, or a
     * build that was not triggered by a tag recorded the digest it used.
     *
     * @param digest the digest the job has
     * @param at when that was recorded
     * @return a confirmed state
     */
    public static SubscriptionState triggered(final Digest digest, final Instant at) {
        return new SubscriptionState(Optional.of(digest), Optional.of(at), true, Optional.empty());
    }

    /**
     * Returns this state with the scheduling confirmed.
     *
     * @return the confirmed state
     */
    public SubscriptionState confirm() {
        return new SubscriptionState(lastTriggeredDigest, lastTriggeredAt, true, Optional.empty());
    }

    /**
     * Returns the state to go back to when the scheduling of this unconfirmed state was lost.
     *
     * @return a confirmed state whose last triggered digest is {@link #previousDigest()}
     */
    public SubscriptionState revert() {
        return new SubscriptionState(previousDigest, Optional.empty(), true, Optional.empty());
    }
}
