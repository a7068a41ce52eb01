package io.jenkins.plugins.imagestreams.core.triggering;

/** What a subscription does the first time it is evaluated, when no state is stored for it. */
public enum FirstRunPolicy {
    /**
     * Record the current digest as the baseline and fire only on the next change. The default: adding a
     * trigger to many jobs, or re-applying a configuration, never starts a storm of builds for images they
     * may already have built.
     */
    WAIT_FOR_CHANGE,
    /** Fire at once for the current digest (if the tag has one), as OpenShift's image change triggers do. */
    FIRE_ON_SUBSCRIBE
}
