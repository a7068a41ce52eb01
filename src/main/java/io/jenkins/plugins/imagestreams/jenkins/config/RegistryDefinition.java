package io.jenkins.plugins.imagestreams.jenkins.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHostPattern;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHostSettings;
import io.jenkins.plugins.imagestreams.core.spec.SpecNumber;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * How the plugin reaches one registry, or the registries of a wildcard: extra CA certificates, insecure access and
 * timeouts. JCasC: an entry of {@code imageStreams: registries:}. Values are kept as entered; {@link #toModel()}
 * validates them. The HTTP proxy is not set here: Jenkins' own proxy configuration applies.
 */
public class RegistryDefinition implements Describable<RegistryDefinition> {
    private final String registry;
    private String caCertificates = "";
    private boolean insecure;
    /** Kept as converted, {@code null} when the input was not a whole number; checked by {@link #toModel()}. */
    private Integer connectTimeoutSeconds = RegistryHostSettings.DEFAULT_CONNECT_SECONDS;

    private Integer readTimeoutSeconds = RegistryHostSettings.DEFAULT_READ_SECONDS;

    /**
     * Creates the settings.
     *
     * @param registry a host ({@code quay.io}), a host with a port ({@code registry.example.com:5000}) or a wildcard
     *     ({@code *.example.com})
     */
    @DataBoundConstructor
    public RegistryDefinition(final String registry) {
        this.registry = registry == null ? "" : registry.trim();
    }

    public String getRegistry() {
        return registry;
    }

    public String getCaCertificates() {
        return caCertificates;
    }

    /**
     * Sets extra CA certificates trusted for this registry, on top of the JVM's trust store.
     *
     * @param caCertificates one or more PEM blocks ({@code -----BEGIN CERTIFICATE-----}); empty for none
     */
    @DataBoundSetter
    public void setCaCertificates(final String caCertificates) {
        this.caCertificates = caCertificates == null ? "" : caCertificates.strip();
    }

    public boolean isInsecure() {
        return insecure;
    }

    /**
     * Allows plain HTTP and unverified TLS for every tag of this registry; the registry must be on the allowlist.
     *
     * @param insecure true to allow
     */
    @DataBoundSetter
    public void setInsecure(final boolean insecure) {
        this.insecure = insecure;
    }

    public Integer getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    /**
     * Sets the connect timeout.
     *
     * @param seconds 1 to 300; {@code null} (Stapler's conversion of text that is not a whole number) is rejected
     *     by {@link #toModel()}
     */
    @DataBoundSetter
    public void setConnectTimeoutSeconds(@CheckForNull final Integer seconds) {
        this.connectTimeoutSeconds = seconds;
    }

    public Integer getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    /**
     * Sets the read timeout of one response.
     *
     * @param seconds 1 to 300; an import's deadline of 30 seconds caps it further; {@code null} is rejected by
     *     {@link #toModel()}
     */
    @DataBoundSetter
    public void setReadTimeoutSeconds(@CheckForNull final Integer seconds) {
        this.readTimeoutSeconds = seconds;
    }

    /**
     * Converts the entered values to the core's validated settings.
     *
     * @return the settings
     * @throws InvalidValueException naming {@code registries.<registry>.<field>} and the rule
     */
    public RegistryHostSettings toModel() {
        try {
            return RegistryHostSettings.of(
                    registry,
                    caCertificates,
                    insecure,
                    SpecNumber.CONNECT_TIMEOUT_SECONDS.require(connectTimeoutSeconds),
                    SpecNumber.READ_TIMEOUT_SECONDS.require(readTimeoutSeconds));
        } catch (InvalidValueException e) {
            throw e.within("registries." + registry);
        }
    }

    /** Descriptor. */
    @Extension
    @Symbol("registry")
    public static class DescriptorImpl extends Descriptor<RegistryDefinition> {
        private final transient FormChecks checks = new FormChecks();

        @Override
        public String getDisplayName() {
            return Messages.RegistryDefinition_displayName();
        }

        /**
         * Validates the registry pattern as you type; needs ImageStream/Configure.
         *
         * @param value the field's value
         * @return ok, or an error naming the rule
         */
        @POST
        public FormValidation doCheckRegistry(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.check(() -> RegistryHostPattern.parse("registry", value)));
        }

        /**
         * Validates the CA certificates as you type; needs ImageStream/Configure.
         *
         * @param value PEM text
         * @return ok with the number of certificates, or an error naming the field and the parser's complaint
         */
        @POST
        public FormValidation doCheckCaCertificates(@QueryParameter final String value) {
            return checks.ifPermitted(() -> {
                if (value == null || value.isBlank()) {
                    return FormValidation.ok();
                }
                try {
                    return FormValidation.ok(
                            Messages.RegistryDefinition_certificates(RegistryHostSettings.requireCertificates(value)));
                } catch (InvalidValueException e) {
                    return FormValidation.error(e.getMessage());
                }
            });
        }

        /**
         * Validates the connect timeout as you type; needs ImageStream/Configure.
         *
         * @param value seconds
         * @return ok, or an error naming the range
         */
        @POST
        public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.number(SpecNumber.CONNECT_TIMEOUT_SECONDS, value));
        }

        /**
         * Validates the read timeout as you type; needs ImageStream/Configure.
         *
         * @param value seconds
         * @return ok, or an error naming the range
         */
        @POST
        public FormValidation doCheckReadTimeoutSeconds(@QueryParameter final String value) {
            return checks.ifPermitted(() -> FormChecks.VALIDATION.number(SpecNumber.READ_TIMEOUT_SECONDS, value));
        }
    }
}
