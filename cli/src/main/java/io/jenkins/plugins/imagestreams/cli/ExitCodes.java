package io.jenkins.plugins.imagestreams.cli;

/** The exit codes of every command. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** A tag failed to resolve, or the file is invalid. */
    static final int FAILED = 1;
    /** A usage error: an unknown option, a missing file, an unknown stream. */
    static final int USAGE = 2;

    private ExitCodes() {}
}
