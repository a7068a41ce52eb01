package io.jenkins.plugins.imagestreams.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Runs the command line in this JVM, as a user would run it, and keeps what it printed and its exit code. */
final class CliRunner {
    private final Map<String, String> environment;
    private final boolean terminal;

    private CliRunner(final Map<String, String> environment, final boolean terminal) {
        this.environment = environment;
        this.terminal = terminal;
    }

    /** A runner with an empty environment and standard error that is not a terminal. */
    static CliRunner plain() {
        return new CliRunner(Map.of(), false);
    }

    CliRunner withEnvironment(final Map<String, String> variables) {
        return new CliRunner(variables, terminal);
    }

    CliRunner onTerminal() {
        return new CliRunner(environment, true);
    }

    Result run(final String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(
                new CliContext(environment, terminal, Clock.systemUTC()),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes lines to a new file, for a JCasC file or a Docker config. */
    static Path write(final Path file, final String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /**
     * What one run printed.
     *
     * @param exitCode the exit code
     * @param out standard output
     * @param err standard error
     */
    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
