package io.jenkins.plugins.imagestreams.core.triggering;

/** Why a subscription fired or did not. */
public enum TriggerReason {
    /** Fired: the current digest differs from the last triggered one. */
    CHANGED,
    /** Fired: the first evaluation under {@link FirstRunPolicy#FIRE_ON_SUBSCRIBE}. */
    FIRST_RUN,
    /** Not fired: the first evaluation under {@link FirstRunPolicy#WAIT_FOR_CHANGE} recorded the baseline. */
    BASELINE,
    /** Not fired: the current digest is the last triggered one. */
    NO_CHANGE,
    /** Not fired: the tag has no digest yet. */
    NO_DIGEST,
    /** Not fired: the stream is not defined. */
    UNKNOWN_STREAM,
    /** Not fired: the stream is paused. */
    PAUSED,
    /** Not fired: only the index moved; the selected platforms' images are the ones last triggered. */
    PLATFORMS_UNCHANGED,
    /** Not fired yet: the digest is younger than the cool-down. */
    COOLING_DOWN,
    /** Not fired yet: another change for the same job may follow within the quiet period. */
    QUIET_PERIOD,
    /** Not fired yet: the stream's runs per minute are used up; it fires when there is room. */
    STAGGERED,
    /** Not scheduled: the job's own record already has a build or queue item for this digest. */
    ALREADY_SCHEDULED,
    /** Not scheduled: the build scheduler refused (job disabled or not buildable); retried next time. */
    REFUSED
}
