package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Docker config's credentials for a registry, found as Docker's CLI finds them ({@code GetAuthConfig} in docker/cli
 * {@code cli/config/configfile/file.go}): the registry's {@code credHelpers} helper, else the {@code credsStore}
 * helper, else the {@code auths} entry. A helper is asked with the server URL Docker uses
 * ({@code https://index.docker.io/v1/} for Docker Hub, else {@code host[:port]}), at most once per registry and only
 * for registries actually used; its answer is kept for the process. A helper that says not found means no credentials,
 * as in Docker, even when {@code auths} has an entry. A helper not on {@code PATH} falls back to the {@code auths}
 * entry, or to no credentials (anonymous, as Docker's CLI goes on after such an error), with one warning. Problems
 * name the helper and the registry, never a secret.
 */
final class DockerCredentials {
    /** The server URL Docker's CLI uses for Docker Hub's credentials. */
    static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";

    private final DockerConfig config;
    private final Map<String, String> environment;
    private final Duration bound;
    private final Consumer<String> warnings;
    private final Map<String, Lookup> byRegistry = new HashMap<>();

    /**
     * Creates the lookup; runs nothing yet.
     *
     * @param config the Docker config
     * @param environment the environment helpers run with; its {@code PATH} (if any) is where they are found
     * @param bound how long one helper run may take
     * @param warnings receives warning lines for standard error
     */
    DockerCredentials(
            final DockerConfig config,
            final Map<String, String> environment,
            final Duration bound,
            final Consumer<String> warnings) {
        this.config = config;
        this.environment = Map.copyOf(environment);
        this.bound = bound;
        this.warnings = warnings;
    }

    /**
     * Looks up a registry's credentials, running its helper the first time.
     *
     * @param image an image of the registry
     * @return the credentials, or why there are none usable
     */
    synchronized Lookup lookup(final ImageReference image) {
        String registry = image.registry().toLowerCase(Locale.ROOT);
        Lookup known = byRegistry.get(registry);
        if (known == null) {
            known = find(image);
            byRegistry.put(registry, known);
        }
        return known;
    }

    private Lookup find(final ImageReference image) {
        Optional<DockerConfig.Helper> configured = config.helperFor(image);
        if (configured.isEmpty()) {
            return Lookup.of(config.authsEntry(image));
        }
        DockerConfig.Helper helper = configured.get();
        String registry = image.registry();
        Optional<CredentialHelper> program = CredentialHelper.onPath(helper.program(), environment, bound);
        if (program.isEmpty()) {
            Optional<RegistryCredentials> entry = config.authsEntry(image);
            String missing = helper.program() + " (" + helper.field() + " of --docker-config) is not on PATH";
            warnings.accept("warning: credential helper " + missing + "; "
                    + (entry.isEmpty()
                            ? "no credentials for " + registry + " (anonymous, as docker pull goes on)"
                            : "using the auths entry for " + registry));
            return Lookup.of(entry);
        }
        try {
            return Lookup.of(program.get().get(serverUrl(image)));
        } catch (CredentialHelper.Failure e) {
            return Lookup.problem(registry + ": credential helper " + helper.program() + " " + e.getMessage());
        }
    }

    /**
     * Returns the server URL Docker asks a helper with ({@code ResolveAuthConfig} in docker/cli).
     *
     * @param image an image of the registry
     * @return {@code https://index.docker.io/v1/} for Docker Hub, else the registry's {@code host[:port]}
     */
    static String serverUrl(final ImageReference image) {
        return ImageReference.DOCKER_HUB.equals(image.registry()) ? DOCKER_HUB_SERVER : image.registry();
    }

    /**
     * What a lookup found.
     *
     * @param credentials the credentials, empty when there are none (or a problem)
     * @param problem why the configured helper gave nothing usable, naming the helper and the registry
     */
    record Lookup(Optional<RegistryCredentials> credentials, Optional<String> problem) {
        static Lookup of(final Optional<RegistryCredentials> credentials) {
            return new Lookup(credentials, Optional.empty());
        }

        static Lookup problem(final String problem) {
            return new Lookup(Optional.empty(), Optional.of(problem));
        }
    }
}
