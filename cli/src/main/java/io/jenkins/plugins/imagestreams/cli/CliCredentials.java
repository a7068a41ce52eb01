package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.importing.CredentialsResolver;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The command line's answer to a tag's {@code credentialsId}, in place of the Jenkins credentials store:
 *
 * <ol>
 *   <li>environment variables named after the ID, {@code IMAGESTREAMS_CREDENTIALS_<ID>_TOKEN} (a registry token, sent
 *       as a bearer token), or {@code IMAGESTREAMS_CREDENTIALS_<ID>_USERNAME} and {@code ..._PASSWORD}, where
 *       {@code <ID>} is the ID in upper case with every character other than a letter or a digit replaced by
 *       {@code _} ({@code quay-robot} is {@code QUAY_ROBOT});
 *   <li>else the {@code --docker-config} file's entry for the image's registry.
 * </ol>
 *
 * An ID found in neither is unknown, and the tag's import fails with {@code Unauthorized}, as in the plugin. A tag
 * without a {@code credentialsId} is pulled anonymously, as in the plugin.
 */
final class CliCredentials implements CredentialsResolver {
    static final String PREFIX = "IMAGESTREAMS_CREDENTIALS_";

    private final Map<String, String> environment;
    private final DockerConfig dockerConfig;

    CliCredentials(final Map<String, String> environment, final DockerConfig dockerConfig) {
        this.environment = Map.copyOf(environment);
        this.dockerConfig = dockerConfig;
    }

    @Override
    public Optional<RegistryCredentials> resolve(final String credentialsId, final ImageReference image) {
        return fromEnvironment(credentialsId).or(() -> dockerConfig.forRegistry(image));
    }

    /**
     * The credentials for a reference given on the command line: those of an ID when one is given, else the Docker
     * config's for the registry, else anonymous.
     *
     * @param credentialsId the {@code --credentials} option, if given
     * @param image the image
     * @return the credentials
     * @throws CliFailure (usage) when an ID is given and defines no credentials
     */
    RegistryCredentials forReference(final Optional<String> credentialsId, final ImageReference image) {
        if (credentialsId.isPresent()) {
            return resolve(credentialsId.get(), image)
                    .orElseThrow(() -> CliFailure.usage("--credentials " + credentialsId.get() + ": neither "
                            + variable(credentialsId.get(), "TOKEN") + " nor "
                            + variable(credentialsId.get(), "USERNAME")
                            + " and " + variable(credentialsId.get(), "PASSWORD")
                            + " is set, and the Docker config has no entry for " + image.registry()));
        }
        return dockerConfig.forRegistry(image).orElse(RegistryCredentials.anonymous());
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
