package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.importing.CredentialsResolver;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The command line's answer to a tag's {@code credentialsId}, in place of the Jenkins credentials store:
 *
 * <ol>
 *   <li>environment variables named after the ID, {@code IMAGESTREAMS_CREDENTIALS_<ID>_TOKEN} (a registry token, sent
 *       as a bearer token), or {@code IMAGESTREAMS_CREDENTIALS_<ID>_USERNAME} and {@code ..._PASSWORD}, where
 *       {@code <ID>} is the ID in upper case with every character other than a letter or a digit replaced by
 *       {@code _} ({@code quay-robot} is {@code QUAY_ROBOT});
 *   <li>else the {@code --docker-config} file's credentials for the image's registry: its credential helper's, else
 *       its {@code auths} entry ({@link DockerCredentials}).
 * </ol>
 *
 * An ID found in neither is unknown, and the tag's import fails with {@code Unauthorized}, as in the plugin. A tag
 * without a {@code credentialsId} is pulled anonymously, as in the plugin. A credential helper that gives nothing
 * usable for a tag's registry is reported once, on the warnings, and its tags fail with {@code Unauthorized}.
 */
final class CliCredentials implements CredentialsResolver {
    static final String PREFIX = "IMAGESTREAMS_CREDENTIALS_";

    private final Map<String, String> environment;
    private final DockerCredentials dockerCredentials;
    private final Consumer<String> warnings;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * Creates the resolver.
     *
     * @param environment the environment variables
     * @param dockerCredentials the Docker config's credentials
     * @param warnings receives a helper's problem, once per registry, for standard error
     */
    CliCredentials(
            final Map<String, String> environment,
            final DockerCredentials dockerCredentials,
            final Consumer<String> warnings) {
        this.environment = Map.copyOf(environment);
        this.dockerCredentials = dockerCredentials;
        this.warnings = warnings;
    }

    @Override
    public Optional<RegistryCredentials> resolve(final String credentialsId, final ImageReference image) {
        return fromEnvironment(credentialsId).or(() -> {
            DockerCredentials.Lookup lookup = dockerCredentials.lookup(image);
            lookup.problem().filter(problem -> reported.add(image.registry())).ifPresent(warnings);
            return lookup.credentials();
        });
    }

    /**
     * The credentials for a reference given on the command line: those of an ID when one is given, else the Docker
     * config's for the registry, else anonymous.
     *
     * @param credentialsId the {@code --credentials} option, if given
     * @param image the image
     * @return the credentials
     * @throws CliFailure (usage) when an ID is given and defines no credentials; (failed) when the registry's
     *     credential helper gives nothing usable
     */
    RegistryCredentials forReference(final Optional<String> credentialsId, final ImageReference image) {
        Optional<RegistryCredentials> fromId = credentialsId.flatMap(this::fromEnvironment);
        if (fromId.isPresent()) {
            return fromId.get();
        }
        DockerCredentials.Lookup lookup = dockerCredentials.lookup(image);
        if (lookup.problem().isPresent()) {
            throw CliFailure.failed(List.of(lookup.problem().get()));
        }
        if (credentialsId.isPresent()) {
            return lookup.credentials()
                    .orElseThrow(() -> CliFailure.usage("--credentials " + credentialsId.get() + ": neither "
                            + variable(credentialsId.get(), "TOKEN") + " nor "
                            + variable(credentialsId.get(), "USERNAME")
                            + " and " + variable(credentialsId.get(), "PASSWORD")
                            + " is set, and the Docker config has no entry for " + image.registry()));
        }
        return lookup.credentials().orElse(RegistryCredentials.anonymous());
    }

    private Optional<RegistryCredentials> fromEnvironment(final String credentialsId) {
        String token = environment.get(variable(credentialsId, "TOKEN"));
        if (token != null && !token.isEmpty()) {
            return Optional.of(RegistryCredentials.token(token));
        }
        String username = environment.get(variable(credentialsId, "USERNAME"));
        String password = environment.get(variable(credentialsId, "PASSWORD"));
        if (username != null && password != null && !username.isEmpty()) {
            return Optional.of(RegistryCredentials.usernamePassword(username, password));
        }
        return Optional.empty();
    }

    /**
     * Returns the name of one variable of an ID.
     *
     * @param credentialsId e.g. {@code quay-robot}
     * @param part {@code TOKEN}, {@code USERNAME} or {@code PASSWORD}
     * @return e.g. {@code IMAGESTREAMS_CREDENTIALS_QUAY_ROBOT_TOKEN}
     */
    static String variable(final String credentialsId, final String part) {
        return PREFIX + credentialsId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_" + part;
    }
}
