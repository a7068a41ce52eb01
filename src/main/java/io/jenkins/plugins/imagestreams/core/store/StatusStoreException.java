package io.jenkins.plugins.imagestreams.core.store;

/** Thrown when the status storage cannot be read or written. The message names the file, never a secret. */
public final class StatusStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the file
     * @param cause the underlying I/O error
     */
    public StatusStoreException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
