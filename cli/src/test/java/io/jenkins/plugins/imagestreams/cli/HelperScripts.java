package io.jenkins.plugins.imagestreams.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real Docker credential helpers for tests: executable {@code /bin/sh} scripts {@code docker-credential-<name>} in one
 * directory, which implement the helper protocol (read the server URL on standard input, print the credential JSON)
 * and append each server URL they are asked for to {@code <name>.log}.
 */
final class HelperScripts {
    private final Path directory;

    HelperScripts(final Path directory) {
        this.directory = directory;
    }

    /** An environment whose {@code PATH} starts with the scripts' directory, then the JVM's own {@code PATH}. */
    Map<String, String> environment() {
        return Map.of("PATH", directory + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    /** A helper that has credentials for one server URL only and says not found for every other. */
    HelperScripts storing(final String name, final String serverUrl, final String username, final String secret)
            throws IOException {
        return write(
                name,
                "if [ \"$url\" = " + quote(serverUrl) + " ]; then",
                "  printf '{\"ServerURL\": \"%s\", \"Username\": \"%s\", \"Secret\": \"%s\"}\\n' \"$url\" "
                        + quote(username) + " " + quote(secret),
                "else",
                "  echo '" + CredentialHelper.NOT_FOUND + "'",
                "  exit 1",
                "fi");
    }

    /** A helper whose answer to {@code get} is the given script lines, run after the server URL is read into $url. */
    HelperScripts write(final String name, final String... body) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "#!/bin/sh",
                "[ \"$1\" = get ] || exit 3",
                "url=$(cat)",
                "printf '%s\\n' \"$url\" >> " + quote(log(name).toString())));
        lines.addAll(List.of(body));
        Path script = directory.resolve(CredentialHelper.PREFIX + name);
        Files.writeString(script, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    /** The server URLs a helper was asked for, one per run. */
    List<String> calls(final String name) throws IOException {
        Path log = log(name);
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private Path log(final String name) {
        return directory.resolve(name + ".log");
    }

    private static String quote(final String value) {
        if (value.contains("'")) {
            throw new IllegalArgumentException("test values carry no single quote");
        }
        return "'" + value + "'";
    }
}
