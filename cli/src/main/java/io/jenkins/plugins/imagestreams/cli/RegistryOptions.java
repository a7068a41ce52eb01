package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHosts;
import io.jenkins.plugins.imagestreams.core.spec.StreamsSpec;
import io.jenkins.plugins.imagestreams.registry.jib.JibRegistryClient;
import io.jenkins.plugins.imagestreams.registry.jib.RegistryTransport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The options of every command that talks to registries: credentials, trust and the deadline of one request. */
final class RegistryOptions {
    @Option(
            names = "--docker-config",
            paramLabel = "FILE",
            description = "a Docker config.json: credentials per registry from its credHelpers, else its credsStore"
                    + " (docker-credential-<name> on PATH), else its auths (base64 auth of user:password)")
    private Path dockerConfig;

    @Option(
            names = "--ca-file",
            paramLabel = "PEM",
            description = "CA certificates (PEM) to trust besides the JVM's, for every registry, in addition to a"
                    + " registry's own caCertificates in the file's registries:; repeatable")
    private List<Path> caFiles = new ArrayList<>();

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "the most one resolve may take, token requests included (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    /**
     * Creates the registry client for references given on the command line: the plugin's adapter, with default
     * transport settings and the extra CA certificates.
     *
     * @param clock the clock for token expiry and Retry-After
     * @return the client
     * @throws CliFailure (usage) when a CA file cannot be read
     */
    JibRegistryClient client(final Clock clock) {
        return client(clock, RegistryHosts.NONE, RegistryAllowlist.allowAll());
    }

    /**
     * Creates the registry client for a JCasC file's streams: each registry's transport comes from the file's
     * {@code registries:} settings, as in the plugin ({@link RegistryTransport#forRegistry}), and trusts the extra CA
     * certificates too.
     *
     * @param clock the clock for token expiry and Retry-After
     * @param spec the file's streams, allowlist and registry settings
     * @return the client
     * @throws CliFailure (usage) when a CA file cannot be read
     */
    JibRegistryClient client(final Clock clock, final StreamsSpec spec) {
        return client(clock, spec.registries(), spec.allowlist());
    }

    private JibRegistryClient client(final Clock clock, final RegistryHosts hosts, final RegistryAllowlist allowlist) {
        Optional<String> extra = caCertificates();
        return new JibRegistryClient(
                registry -> {
                    RegistryTransport transport = RegistryTransport.forRegistry(registry, hosts, allowlist);
                    return extra.map(transport::withAdditionalCaCertificates).orElse(transport);
                },
                clock);
    }

    private Optional<String> caCertificates() {
        if (caFiles.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder pem = new StringBuilder();
        for (Path file : caFiles) {
            try {
                pem.append(Files.readString(file, StandardCharsets.US_ASCII)).append('\n');
            } catch (IOException e) {
                throw CliFailure.usage("--ca-file " + file + ": cannot be read");
            }
        }
        return Optional.of(pem.toString());
    }

    /**
     * Creates the credentials lookup of the command: the environment's, then the Docker config's.
     *
     * @param environment the environment variables; credential helpers are found on its {@code PATH} and run with it
     * @param err standard error, for warnings and credential helper problems
     * @return the lookup; no helper has run yet
     * @throws CliFailure (usage) when the Docker config cannot be read
     */
    CliCredentials credentials(final Map<String, String> environment, final PrintWriter err) {
        Consumer<String> warnings = line -> {
            err.println("imagestreams: " + line);
            err.flush();
        };
        DockerConfig config = dockerConfig == null ? DockerConfig.none() : DockerConfig.read(dockerConfig);
        return new CliCredentials(
                environment,
                new DockerCredentials(config, environment, CredentialHelper.DEFAULT_BOUND, warnings),
                warnings);
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
