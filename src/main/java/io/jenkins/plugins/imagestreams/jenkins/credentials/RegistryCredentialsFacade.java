package io.jenkins.plugins.imagestreams.jenkins.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
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
 */
public class RegistryCredentialsFacade {
    private static final CredentialsMatcher REGISTRY_KINDS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(StringCredentials.class));

    /**
     * Lists the credentials an administrator may pick for a registry tag.
     *
     * @param current the ID currently configured, kept in the list even when it no longer resolves
     * @return an empty choice, then every username/password and secret text credential of the global scope
     */
    public ListBoxModel credentialsItems(final String current) {
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(), REGISTRY_KINDS)
                .includeCurrentValue(current);
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
     * Finds a registry credential by ID.
     *
     * @param id the credentials ID
     * @return the credential, if one of the two registry kinds has this ID
     */
    public Optional<StandardCredentials> find(final String id) {
        StandardCredentials found = CredentialsProvider.findCredentialByIdInItemGroup(
                id, StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
        return Optional.ofNullable(found).filter(REGISTRY_KINDS::matches);
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
        StandardCredentials credentials = find(id.get())
                .orElseThrow(() -> new InvalidValueException(
                        "credentialsId", "must name a username/password or secret text credential", id.get()));
        if (credentials instanceof StandardUsernamePasswordCredentials basic) {
            return RegistryCredentials.usernamePassword(
                    basic.getUsername(), basic.getPassword().getPlainText());
        }
        return RegistryCredentials.token(
                ((StringCredentials) credentials).getSecret().getPlainText());
    }
}
