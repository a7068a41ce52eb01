package io.jenkins.plugins.imagestreams.core.importing;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import java.util.Optional;

/**
 * The credentials port: turns the credentials ID of an import policy into credentials. The plugin answers from
 * the Jenkins credentials store; the command line from its own file.
 */
@FunctionalInterface
public interface CredentialsResolver {
    /** Knows no credentials: every ID is unknown. */
    CredentialsResolver NONE = (id, image) -> Optional.empty();

    /**
     * Looks up credentials.
     *
     * @param credentialsId the ID from the tag's import policy, never a secret
     * @param image the image they are for (implementations may restrict a credential to a registry)
     * @return the credentials, or empty when the ID is unknown or not usable for the image
     */
    Optional<RegistryCredentials> resolve(String credentialsId, ImageReference image);
}
