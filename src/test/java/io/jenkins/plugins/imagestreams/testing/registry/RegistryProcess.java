package io.jenkins.plugins.imagestreams.testing.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One running {@code docker-registry serve} process, started and awaited until it answers {@code GET /v2/}. */
final class RegistryProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path log;
    /** Kills the registry if the JVM exits without {@link #close()}, e.g. a surefire fork timing out. */
    private final Thread shutdownHook;

    private String lastProbeFailure = "none";

    private RegistryProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(process::destroyForcibly, "docker-registry-" + process.pid() + "-killer");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the registry and waits until {@code GET <base>/v2/} answers 200 or 401 with the instance header.
     *
     * @param binary the {@code docker-registry} executable
     * @param config the {@code config.yml} to serve
     * @param log where the registry's stdout and stderr go
     * @param base {@code http(s)://127.0.0.1:<port>}
     * @param client the client that polls; it must trust the registry's certificate
     * @param instanceId the expected value of {@link RegistryConfig#INSTANCE_HEADER}
     * @param timeout how long to wait for readiness
     * @throws RegistryStartException if the process exits, or is not ready in time; the process is stopped then
     */
    static RegistryProcess start(
            Path binary, Path config, Path log, URI base, HttpClient client, String instanceId, Duration timeout)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RegistryProcess registry = new RegistryProcess(process, log);
        try {
            registry.awaitReady(base, client, instanceId, timeout);
            return registry;
        } catch (IOException | InterruptedException | RuntimeException e) {
            registry.closeAfterFailure(e);
            throw e;
        }
    }

    /** @return the registry's combined stdout and stderr so far */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** @return the operating system process id */
    long pid() {
        return process.pid();
    }

    /** Stops the process: destroy, wait, then destroy forcibly and wait again. */
    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running or will run; stopping here as well does no harm
        }
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("docker-registry (pid " + process.pid() + ") did not stop");
        }
    }

    private void closeAfterFailure(Exception failure) {
        try {
            close();
        } catch (InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            failure.addSuppressed(e);
        }
    }

    private void awaitReady(URI base, HttpClient client, String instanceId, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(base.resolve("/v2/"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new RegistryStartException(
                        "docker-registry exited with code " + process.exitValue() + " before it was ready",
                        log(),
                        false);
            }
            Optional<HttpResponse<Void>> response = probe(client, probe);
            if (response.isPresent() && isOurs(response.get(), instanceId)) {
                return;
            }
            if (response.isPresent()) {
                throw new RegistryStartException(
                        "Another server answered on " + base + ": " + response.get(), log(), true);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new RegistryStartException(
                "docker-registry was not ready at " + base + " within " + timeout + " (last probe: " + lastProbeFailure
                        + ")",
                log(),
                false);
    }

    private Optional<HttpResponse<Void>> probe(HttpClient client, HttpRequest probe) throws InterruptedException {
        try {
            return Optional.of(client.send(probe, HttpResponse.BodyHandlers.discarding()));
        } catch (IOException notListeningYet) {
            lastProbeFailure = notListeningYet.toString();
            return Optional.empty();
        }
    }

    private static boolean isOurs(HttpResponse<Void> response, String instanceId) {
        int status = response.statusCode();
        return (status == 200 || status == 401)
                && response.headers()
                        .firstValue(RegistryConfig.INSTANCE_HEADER)
                        .filter(instanceId::equals)
                        .isPresent();
    }
}
