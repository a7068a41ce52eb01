package io.jenkins.plugins.imagestreams.core.importing;

/**
 * Applying the result of at least one import failed, for example because the status store could not write.
 * The failed tags keep their previous status; the other tags of the cycle were processed.
 */
public final class ImportCycleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param cause the first failure; later ones are suppressed exceptions
     */
    public ImportCycleException(final Throwable cause) {
        super("applying an import result failed: " + cause, cause);
    }
}
