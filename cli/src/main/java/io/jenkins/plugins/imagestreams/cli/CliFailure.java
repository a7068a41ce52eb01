package io.jenkins.plugins.imagestreams.cli;

import java.util.List;

/**
 * Ends a command with an exit code and lines for standard error. Thrown instead of printing, so that every command
 * fails the same way (see {@link Main}).
 */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final transient List<String> lines;

    CliFailure(final int exitCode, final List<String> lines) {
        super(String.join("\n", lines));
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    /** A usage error: a missing file, an unknown stream, an unreadable option value. */
    static CliFailure usage(final String line) {
        return new CliFailure(ExitCodes.USAGE, List.of(line));
    }

    /** A failure of the work itself: an invalid file, a tag that did not resolve. */
    static CliFailure failed(final List<String> lines) {
        return new CliFailure(ExitCodes.FAILED, lines);
    }

    int exitCode() {
        return exitCode;
    }

    List<String> lines() {
        return lines;
    }
}
