package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.registry.jib.JibRegistryClient;
import io.jenkins.plugins.imagestreams.registry.jib.RegistryTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of every command that talks to registries: credentials, trust and the deadline of one request. */
final class RegistryOptions {
    @Option(
            names = "--docker-config",
            paramLabel = "FILE",
            description = "a Docker config.json whose auths give credentials per registry (base64 auth of"
                    + " user:password); credential helpers are not run")
    private Path dockerConfig;

    @Option(
            names = "--ca-file",
            paramLabel = "PEM",
            description = "CA certificates (PEM) to trust besides the JVM's, for every registry; repeatable")
    private List<Path> caFiles = new ArrayList<>();

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "the most one resolve may take, token requests included (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    /**
     * Creates the registry client: the plugin's adapter, trusting the extra CA certificates.
     *
     * @param clock the clock for token expiry and Retry-After
     * @return the client
     * @throws CliFailure (usage) when a CA file cannot be read
     */
    JibRegistryClient client(final Clock clock) {
        RegistryTransport transport = RegistryTransport.DEFAULT;
        if (!caFiles.isEmpty()) {
            StringBuilder pem = new StringBuilder();
            for (Path file : caFiles) {
                try {
                    pem.append(Files.readString(file, StandardCharsets.US_ASCII))
                            .append('\n');
                } catch (IOException e) {
                    throw CliFailure.usage("--ca-file " + file + ": cannot be read");
                }
            }
            transport = transport.withCaCertificates(pem.toString());
        }
        RegistryTransport chosen = transport;
        return new JibRegistryClient(registry -> chosen, clock);
    }

    CliCredentials credentials(final Map<String, String> environment) {
        return new CliCredentials(
                environment, dockerConfig == null ? DockerConfig.none() : DockerConfig.read(dockerConfig));
    }

    /**
     * Returns the deadline of one resolve.
     *
     * @return the deadline
     * @throws CliFailure (usage) when it is not positive
     */
    Duration deadline() {
        if (timeoutSeconds < 1) {
            throw CliFailure.usage("--timeout must be at least 1 second (got " + timeoutSeconds + ")");
        }
        return Duration.ofSeconds(timeoutSeconds);
    }
}
