package io.jenkins.plugins.imagestreams.jenkins.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Jenkins credentials for registries: the dropdown of the configuration form, and the conversion of a
 * credentials ID to the core's {@link RegistryCredentials} when a registry is called. Two kinds are offered:
 * username with password (basic, or exchanged for a bearer token) and secret text (a registry token). Secrets are
 * read only at the moment of use, never stored by the plugin and never logged.
 *
 * <p>Credentials are scoped by the registry's URI, {@code https://<registry>} as normalised image references name
 * the registry ({@code https://docker.io}, {@code https://registry.example.com:5000}): a credential in a
 * credentials domain whose specifications exclude that URI is neither offered nor used for the registry.
 */
public class RegistryCredentialsFacade {
    private static final CredentialsMatcher REGISTRY_KINDS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(StringCredentials.class));

    /**
     * Lists the credentials an administrator may pick for a registry tag.
     *
     * @param current the ID currently configured, kept in the list even when it no longer resolves
     * @param image the tag's image as entered; when it parses, only credentials whose domain admits its registry are
     *     listed
     * @return an empty choice, then every matching username/password and secret text credential of the global
     *     scope
     */
    public ListBoxModel credentialsItems(final String current, final String image) {
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(
                        ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, requirements(image), REGISTRY_KINDS)
                .includeCurrentValue(current);
    }

    /**
     * Lists the credentials for any registry.
     *
     * @param current the ID currently configured
     * @return an empty choice, then every username/password and secret text credential of the global scope
     */
    public ListBoxModel credentialsItems(final String current) {
        return credentialsItems(current, "");
    }

    /**
     * Returns only the current value, for users who may not list credentials.
     *
     * @param current the ID currently configured
     * @return a list holding just that ID
     */
    public ListBoxModel currentOnly(final String current) {
        return new StandardListBoxModel().includeCurrentValue(current);
    }

    /**
     * Finds a registry credential by ID, in any domain.
     *
     * @param id the credentials ID
     * @return the credential, if one of the two registry kinds has this ID
     */
    public Optional<StandardCredentials> find(final String id) {
        return find(id, List.of());
    }

    /**
     * Finds a registry credential by ID for an image.
     *
     * @param id the credentials ID
     * @param image the image as entered; when it does not parse, every domain is searched
     * @return the credential, if one of the two registry kinds has this ID and its domain admits the registry
     */
    public Optional<StandardCredentials> find(final String id, final String image) {
        return find(id, requirements(image));
    }

    private Optional<StandardCredentials> find(final String id, final List<DomainRequirement> requirements) {
        StandardCredentials found = CredentialsProvider.findCredentialByIdInItemGroup(
                id, StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, requirements);
        return Optional.ofNullable(found).filter(REGISTRY_KINDS::matches);
    }

    /**
     * Resolves a credentials ID for an image, reading the secret now: the plugin's answer to the core's
     * credentials port.
     *
     * @param id the credentials ID
     * @param image the image the credentials are for
     * @return the credentials, or empty when no registry credential with this ID admits the image's registry
     */
    public Optional<RegistryCredentials> forImage(final String id, final ImageReference image) {
        return find(id, registryRequirements(image)).map(RegistryCredentialsFacade::convert);
    }

    /**
     * Converts a credentials ID to the core's credentials, reading the secret now.
     *
     * @param id the credentials ID; empty for anonymous access
     * @return the credentials
     * @throws InvalidValueException if no username/password or secret text credential has this ID
     */
    public RegistryCredentials toRegistryCredentials(final Optional<String> id) {
        if (id.isEmpty()) {
            return RegistryCredentials.anonymous();
        }
        return convert(find(id.get())
                .orElseThrow(() -> new InvalidValueException(
                        "credentialsId", "must name a username/password or secret text credential", id.get())));
    }

    /**
     * Returns the URI credentials are scoped by.
     *
     * @param image a normalised reference
     * @return {@code https://<registry>}
     */
    public static String registryUri(final ImageReference image) {
        return "https://" + image.registry();
    }

    private static List<DomainRequirement> requirements(final String image) {
        if (image == null || image.isBlank()) {
            return List.of();
        }
        try {
            return registryRequirements(ImageReference.parse(image.trim()));
        } catch (InvalidValueException e) {
            return List.of();
        }
    }

    private static List<DomainRequirement> registryRequirements(final ImageReference image) {
        return URIRequirementBuilder.fromUri(registryUri(image)).build();
    }

    private static RegistryCredentials convert(final StandardCredentials credentials) {
        if (credentials instanceof StandardUsernamePasswordCredentials basic) {
            return RegistryCredentials.usernamePassword(
                    basic.getUsername(), basic.getPassword().getPlainText());
        }
        return RegistryCredentials.token(
                ((StringCredentials) credentials).getSecret().getPlainText());
    }
}
