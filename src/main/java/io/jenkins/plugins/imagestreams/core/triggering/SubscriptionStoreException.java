package io.jenkins.plugins.imagestreams.core.triggering;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** The subscription store could not read or write; the message names the file or the job. */
public final class SubscriptionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the file or job
     * @param cause the underlying failure, if any
     */
    public SubscriptionStoreException(final String message, @CheckForNull final Throwable cause) {
        super(message, cause);
    }
}
