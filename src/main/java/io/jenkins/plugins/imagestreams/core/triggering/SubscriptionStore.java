package io.jenkins.plugins.imagestreams.core.triggering;

import java.util.Map;

/**
 * The port that keeps the {@link SubscriptionState} of each subscription, grouped by job. Implementations
 * write a job's states atomically: after a crash either all the states of one {@link #save} call are stored
 * or none is.
 */
public interface SubscriptionStore {
    /**
     * Reads the states of one job.
     *
     * @param jobFullName the job's full name
     * @return the states by key; empty when none is stored (or the stored ones were unreadable, kept aside and
     *     reported)
     * @throws SubscriptionStoreException if the storage cannot be read
     */
    Map<SubscriptionKey, SubscriptionState> load(String jobFullName);

    /**
     * Stores some states of one job, atomically; the job's other states are kept.
     *
     * @param jobFullName the job's full name
     * @param states the states to store; every key names this job
     * @throws SubscriptionStoreException if they cannot be written; the stored states are then unchanged
     * @throws IllegalArgumentException if a key names another job
     */
    void save(String jobFullName, Map<SubscriptionKey, SubscriptionState> states);

    /**
     * Forgets every state of one job (the job was deleted).
     *
     * @param jobFullName the job's full name
     * @throws SubscriptionStoreException if they cannot be removed
     */
    void remove(String jobFullName);

    /**
     * Moves every state of a job to its new name (the job was renamed or moved), replacing whatever the new name
     * had. The states are written under the new name before they are removed from the old one: a crash in
     * between leaves a stale copy under the old name, never a loss.
     *
     * @param oldJobFullName the job's full name before
     * @param newJobFullName the job's full name after
     * @throws SubscriptionStoreException if they cannot be moved; the old states are then kept
     */
    void rename(String oldJobFullName, String newJobFullName);
}
