package io.jenkins.plugins.imagestreams.core.importing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link ImportScheduler#decide} said about one tag.
 *
 * @param due whether the tag should be imported now (still subject to the caps)
 * @param nextDelay how long until the decision may change: zero when due, else the time to the next slot, the
 *     end of the backoff or the end of the registry's wait; never negative
 * @param reason why
 * @param dueAt when the tag became, or becomes, due (the epoch for a first attempt); the importer serves the most
 *     overdue tags first
 */
public record ImportDecision(boolean due, Duration nextDelay, ImportReason reason, Instant dueAt) {
    /** Validates the record. */
    public ImportDecision {
        Objects.requireNonNull(nextDelay, "nextDelay");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(dueAt, "dueAt");
        if (nextDelay.isNegative()) {
            throw new IllegalArgumentException("nextDelay must not be negative: " + nextDelay);
        }
    }

    /**
     * A due decision.
     *
     * @param reason why
     * @param dueAt since when the tag is due
     * @return the decision, with a zero delay
     */
    public static ImportDecision due(final ImportReason reason, final Instant dueAt) {
        return new ImportDecision(true, Duration.ZERO, reason, dueAt);
    }

    /**
     * A decision to wait.
     *
     * @param reason why
     * @param now the time of the decision
     * @param until when the decision may change; a time before {@code now} gives a zero delay
     * @return the decision
     */
    public static ImportDecision waitUntil(final ImportReason reason, final Instant now, final Instant until) {
        Duration delay = Duration.between(now, until);
        return new ImportDecision(false, delay.isNegative() ? Duration.ZERO : delay, reason, until);
    }
}
