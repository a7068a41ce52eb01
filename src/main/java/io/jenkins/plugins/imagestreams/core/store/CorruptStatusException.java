package io.jenkins.plugins.imagestreams.core.store;

/**
 * Thrown by {@link StatusCodec} when a stored document cannot be turned back into a status. The message is
 * short and single-line, names the JSON path of the problem, and quotes no more of the document than a short
 * parse error.
 */
final class CorruptStatusException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptStatusException(final String message) {
        super(message);
    }
}
