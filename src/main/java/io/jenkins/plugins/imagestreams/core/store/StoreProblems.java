package io.jenkins.plugins.imagestreams.core.store;

import java.nio.file.Path;

/**
 * Receives the problems a store recovers from by itself, so that the glue can log them or show them to an
 * administrator. A store never drops stored state without telling this reporter.
 */
@FunctionalInterface
public interface StoreProblems {
    /**
     * Reports a stored status that could not be read. The store has moved the file aside, unchanged, and
     * continues as if the stream had no stored status, so the stream starts again from its spec.
     *
     * @param stream the stream whose status was unreadable
     * @param keptAs where the unreadable file now is, e.g. {@code <dir>/app.json.corrupt-20240501T101530.123Z}
     * @param reason a short, single-line explanation such as {@code formatVersion 99 is not supported}; it
     *     quotes no more of the file than a short parse error
     */
    void corrupt(String stream, Path keptAs, String reason);
}
