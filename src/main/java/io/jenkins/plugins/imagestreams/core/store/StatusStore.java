package io.jenkins.plugins.imagestreams.core.store;

import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import java.util.Optional;
import java.util.Set;

/**
 * The port that keeps stream status (tag history, conditions) apart from the spec, so that reapplying a
 * configuration never erases it. Implementations never store a secret.
 */
public interface StatusStore {
    /**
     * Reads one stream's status.
     *
     * @param stream the stream name
     * @return the stored status, or empty when none is stored or the stored one was unreadable (and has been
     *     kept aside and reported)
     * @throws StatusStoreException if the storage itself cannot be read
     */
    Optional<ImageStreamStatus> load(String stream);

    /**
     * Replaces one stream's status. Either the old or the new status survives a crash, never a torn one.
     *
     * @param status the new status
     * @throws StatusStoreException if it cannot be written; the stored status is then unchanged
     */
    void save(ImageStreamStatus status);

    /**
     * Lists the streams that have a stored status.
     *
     * @return stream names
     * @throws StatusStoreException if the storage cannot be listed
     */
    Set<String> streams();
}
