package io.jenkins.plugins.imagestreams.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the commands take from the process, so that tests can give their own: the environment (credentials), whether
 * standard error is a terminal (progress), and the clock.
 *
 * @param environment the environment variables
 * @param stderrIsTerminal whether progress may be drawn on standard error
 * @param clock the time source of the engine
 */
record CliContext(Map<String, String> environment, boolean stderrIsTerminal, Clock clock) {
    /** Copies the record. */
    CliContext {
        environment = Map.copyOf(environment);
    }

    /**
     * Returns the resolver of the {@code ${...}} variables in JCasC files: the system properties, then this
     * environment.
     *
     * @return the resolver
     */
    JcascVariables variables() {
        return new JcascVariables(environment, System.getProperties());
    }

    /**
     * The running process: its environment, its standard error, the system clock.
     *
     * @return the context
     */
    static CliContext system() {
        return new CliContext(System.getenv(), detectTerminal(), Clock.systemUTC());
    }

    /**
     * Tells whether file descriptor 2 is a terminal. Java 17 has no direct test; on Linux the descriptor's link names
     * the terminal device. Elsewhere, a console for the process is taken as the answer.
     */
    private static boolean detectTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
