package io.jenkins.plugins.imagestreams.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ImportSuccess} condition of a tag (OpenShift's {@code TagEventCondition}): whether the last
 * import succeeded and, when it did not, why. A failed import never moves the tag: the last good digest stays
 * current, and this condition says what went wrong.
 *
 * @param status true when the last import succeeded
 * @param reason empty when {@code status} is true
 * @param message a one-line explanation naming the registry and the reference, never a secret
 * @param lastTransitionTime when {@code status} or {@code reason} last changed
 * @param retryAfter for {@link ConditionReason#RateLimited}: the earliest time the registry allows a retry
 */
public record TagCondition(
        boolean status,
        Optional<ConditionReason> reason,
        String message,
        Instant lastTransitionTime,
        Optional<Instant> retryAfter) {
    /** The OpenShift condition type. */
    public static final String TYPE = "ImportSuccess";

    /** Validates the record. */
    public TagCondition {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(lastTransitionTime, "lastTransitionTime");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (status == reason.isPresent()) {
            throw new IllegalArgumentException("a successful condition has no reason, a failed one has one");
        }
    }

    /**
     * A successful import.
     *
     * @param at when it happened
     * @return the condition
     */
    public static TagCondition success(final Instant at) {
        return new TagCondition(true, Optional.empty(), "", at, Optional.empty());
    }

    /**
     * A failed import.
     *
     * @param reason why
     * @param message the explanation
     * @param at when it happened
     * @param retryAfter when a retry is allowed, if the registry said
     * @return the condition
     */
    public static TagCondition failure(
            final ConditionReason reason, final String message, final Instant at, final Optional<Instant> retryAfter) {
        return new TagCondition(false, Optional.of(reason), message, at, retryAfter);
    }

    /**
     * Returns the condition after another observation, keeping the transition time when nothing changed.
     *
     * @param next the new observation
     * @return {@code next}, with this condition's transition time if status and reason are unchanged
     */
    public TagCondition then(final TagCondition next) {
        if (next.status == status && next.reason.equals(reason)) {
            return new TagCondition(status, reason, next.message, lastTransitionTime, next.retryAfter);
        }
        return next;
    }
}
