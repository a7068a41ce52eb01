package io.jenkins.plugins.imagestreams.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Runs an external tool of a benchmark (wrk, skopeo) and returns what it printed. */
final class Command {
    private Command() {}

    /**
     * Runs a command to its end.
     *
     * @param command the program and its arguments
     * @return standard output and error, merged
     * @throws IOException if it cannot start or exits with a non-zero status (the output is in the message)
     * @throws InterruptedException if interrupted while waiting
     */
    static String run(final String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
