package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import io.jenkins.plugins.imagestreams.jenkins.security.ImageStreamPermissions;
import java.util.function.Supplier;

/**
 * The permission gate of every {@code doCheck*} endpoint of the configuration: without ImageStream/Configure the
 * answer is a plain "ok", so that the endpoint tells nothing to someone who may not configure streams.
 */
final class FormChecks {
    static final DefinitionValidation VALIDATION = new DefinitionValidation();

    private final JenkinsFacade jenkins;

    FormChecks(final JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    FormChecks() {
        this(new JenkinsFacade());
    }

    FormValidation ifPermitted(final Supplier<FormValidation> check) {
        return jenkins.hasPermission(ImageStreamPermissions.CONFIGURE) ? check.get() : FormValidation.ok();
    }

    /**
     * Runs a core rule and shows its rejection.
     *
     * @param rule the rule; it throws {@link InvalidValueException} on bad input
     * @return ok, or the rejection's message as an error
     */
    static FormValidation check(final Runnable rule) {
        try {
            rule.run();
            return FormValidation.ok();
        } catch (InvalidValueException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
