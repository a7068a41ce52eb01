package io.jenkins.plugins.imagestreams.core.importing;

/** Why {@link ImportScheduler#decide} said a tag is, or is not, due for an import. */
public enum ImportReason {
    /** Due: the tag's slot in the current interval has come and the tag was not imported since. */
    DUE,
    /** Due: no attempt is known since the engine started (first import, or after a restart). */
    FIRST_ATTEMPT,
    /** Due: the backoff after one or more failures has elapsed. */
    RETRY,
    /** Due: someone asked for an import ("import now"); the interval and the backoff are bypassed. */
    IMPORT_REQUESTED,
    /** Not due: the tag was imported in its current slot; the next slot is {@code nextDelay} away. */
    NOT_YET,
    /** Not due: the last attempt failed and the exponential backoff has not elapsed. */
    BACKOFF,
    /** Not due: the registry asked to wait ({@code Retry-After}, or a low {@code ratelimit-remaining}). */
    RATE_LIMITED,
    /** Not due: the stream is paused. */
    PAUSED,
    /** Not due: the tag is not a scheduled registry tag, or it is one that already has its digest. */
    NOT_SCHEDULED
}
