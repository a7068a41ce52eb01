package io.jenkins.plugins.imagestreams.core.importing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the engine remembers of a tag's recent import attempts: the "last result" the scheduler decides from.
 * It is kept in memory; after a restart it is rebuilt from the tag's persisted condition (see {@link
 * ImportLedger}).
 *
 * @param lastAttempt when the last resolve of the tag started; empty when none is known
 * @param consecutiveFailures failed attempts since the last success; 0 after a success
 * @param notBefore the earliest next attempt the registry allows ({@code Retry-After}, or a pause after a low
 *     {@code ratelimit-remaining}); empty when it set none
 * @param rateLimitRemaining the last {@code ratelimit-remaining} the registry sent, if any
 */
public record ImportRecord(
        Optional<Instant> lastAttempt,
        int consecutiveFailures,
        Optional<Instant> notBefore,
        OptionalInt rateLimitRemaining) {
    /** No attempt known. */
    public static final ImportRecord NONE =
            new ImportRecord(Optional.empty(), 0, Optional.empty(), OptionalInt.empty());

    /** Validates the record. */
    public ImportRecord {
        Objects.requireNonNull(lastAttempt, "lastAttempt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(rateLimitRemaining, "rateLimitRemaining");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
    }

    /**
     * A record of a successful attempt.
     *
     * @param at when the attempt started
     * @param notBefore a wait the registry asked for, if any
     * @param remaining the {@code ratelimit-remaining} it sent, if any
     * @return the record
     */
    public static ImportRecord success(
            final Instant at, final Optional<Instant> notBefore, final OptionalInt remaining) {
        return new ImportRecord(Optional.of(at), 0, notBefore, remaining);
    }

    /**
     * The record after one more failed attempt.
     *
     * @param at when the attempt started
     * @param retryAfter the registry's {@code Retry-After}, if any
     * @return the record, with one more consecutive failure
     */
    public ImportRecord failed(final Instant at, final Optional<Instant> retryAfter) {
        return new ImportRecord(Optional.of(at), consecutiveFailures + 1, retryAfter, rateLimitRemaining);
    }
}
