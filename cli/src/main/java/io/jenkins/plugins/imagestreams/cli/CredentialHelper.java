package io.jenkins.plugins.imagestreams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Docker credential helper program, {@code docker-credential-<name>}, run as docker/docker-credential-helpers'
 * {@code client.Get} runs it: {@code docker-credential-<name> get} with the server URL on standard input, and on
 * standard output the JSON {@code {"ServerURL": ..., "Username": ..., "Secret": ...}}. A helper that exits non-zero
 * with {@code credentials not found in native keychain} on standard output has no credentials for the server. A
 * {@code Username} of {@code <token>} marks the secret as an identity token (an OAuth2 refresh token, as Docker's
 * {@code nativeStore} reads it). Its standard error is discarded, and neither its standard output nor the secret ever
 * appears in a message.
 */
final class CredentialHelper {
    /** The prefix of every helper program's name. */
    static final String PREFIX = "docker-credential-";

    /** How long a helper may take, by default: 10 seconds. */
    static final Duration DEFAULT_BOUND = Duration.ofSeconds(10);

    /** The most a helper may write on standard output: 64 KiB. */
    static final int MAX_OUTPUT_BYTES = 64 * 1024;

    /** The answer of a helper without credentials for the server (docker-credential-helpers, credentials/error.go). */
    static final String NOT_FOUND = "credentials not found in native keychain";

    /** The {@code Username} that marks an identity token. */
    static final String TOKEN_USERNAME = "<token>";

    private final Path program;
    private final Map<String, String> environment;
    private final Duration bound;

    private CredentialHelper(final Path program, final Map<String, String> environment, final Duration bound) {
        this.program = program;
        this.environment = Map.copyOf(environment);
        this.bound = bound;
    }

    /**
     * Finds a helper's program on the environment's search path, as a shell does: the first directory of
     * {@code PATH} that holds an executable regular file of that name.
     *
     * @param program the program's name, e.g. {@code docker-credential-pass}
     * @param environment the environment: its {@code PATH} (directories separated by the platform's path separator,
     *     possibly absent) is searched, and the helper runs with exactly this environment
     * @param bound how long one run may take
     * @return the helper, or empty when no directory holds the program
     */
    static Optional<CredentialHelper> onPath(
            final String program, final Map<String, String> environment, final Duration bound) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator, -1)) {
            if (directory.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(directory, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(new CredentialHelper(candidate, environment, bound));
                }
            } catch (InvalidPathException e) {
                // a PATH entry that is no path holds no program
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code <program> get} for a server.
     *
     * @param serverUrl what Docker sends: {@code https://index.docker.io/v1/} for Docker Hub, else the registry's
     *     {@code host[:port]}
     * @return the username and secret, or empty when the helper has no credentials for the server (its not-found
     *     answer, or an empty {@code Secret})
     * @throws Failure when the helper cannot be started, exits non-zero otherwise, takes longer than the bound, writes
     *     more than {@value #MAX_OUTPUT_BYTES} bytes or no credential JSON, or answers with an identity token
     */
    Optional<RegistryCredentials> get(final String serverUrl) throws Failure {
        ProcessBuilder builder =
                new ProcessBuilder(program.toString(), "get").redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new Failure("could not be started");
        }
        try {
            byte[] out = run(process, serverUrl);
            return answer(out, process.exitValue());
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private byte[] run(final Process process, final String serverUrl) throws Failure {
        long deadline = System.nanoTime() + bound.toNanos();
        FutureTask<byte[]> reading =
                new FutureTask<>(() -> process.getInputStream().readNBytes(MAX_OUTPUT_BYTES + 1));
        Thread reader = new Thread(reading, program.getFileName() + " output");
        reader.setDaemon(true);
        reader.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a helper need not read its input; its answer tells
        }
        try {
            byte[] out = reading.get(bound.toNanos(), TimeUnit.NANOSECONDS);
            if (out.length > MAX_OUTPUT_BYTES) {
                throw new Failure("wrote more than " + MAX_OUTPUT_BYTES + " bytes");
            }
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw timedOut();
            }
            return out;
        } catch (TimeoutException e) {
            throw timedOut();
        } catch (ExecutionException e) {
            throw new Failure("output could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("was interrupted");
        }
    }

    private Failure timedOut() {
        return new Failure("did not answer within " + bound.toMillis() + " ms");
    }

    private static Optional<RegistryCredentials> answer(final byte[] out, final int exitCode) throws Failure {
        if (exitCode != 0) {
            if (new String(out, StandardCharsets.UTF_8).trim().equals(NOT_FOUND)) {
                return Optional.empty();
            }
            throw new Failure("failed with exit code " + exitCode);
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(out);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new Failure("answered with something other than the JSON {\"ServerURL\", \"Username\", \"Secret\"}");
        }
        String username = text(json, "Username");
        String secret = text(json, "Secret");
        if (TOKEN_USERNAME.equals(username)) {
            throw new Failure("answered with an identity token (Username " + TOKEN_USERNAME
                    + ", an OAuth2 refresh token), which imagestreams cannot send to a registry;"
                    + " store a username and password or access token for it instead");
        }
        return secret.isEmpty()
                ? Optional.empty()
                : Optional.of(RegistryCredentials.usernamePassword(username, secret));
    }

    private static String text(final JsonNode json, final String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isTextual() ? "" : value.asText();
    }

    /** A helper run that gave no usable answer; the message says why, never what the helper wrote. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(final String message) {
            super(message);
        }
    }
}
