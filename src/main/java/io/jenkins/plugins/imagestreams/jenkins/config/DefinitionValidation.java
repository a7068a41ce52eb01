package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import io.jenkins.plugins.imagestreams.core.model.ImportMode;
import io.jenkins.plugins.imagestreams.core.model.Names;
import io.jenkins.plugins.imagestreams.core.spec.SpecNumber;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Validation of single form fields with the core's rules, so that the form says as you type exactly what JCasC
 * and the command line would say on apply. Plain methods without permission checks: the descriptors' {@code
 * doCheck*} endpoints check the permission first and then delegate here.
 */
public final class DefinitionValidation {
    /**
     * Validates a stream name.
     *
     * @param value the name as entered
     * @return ok, or an error naming the rule
     */
    public FormValidation streamName(final String value) {
        return check(v -> Names.requireStreamName("stream name", v), value);
    }

    /**
     * Validates a tag name.
     *
     * @param value the name as entered
     * @return ok, or an error naming the rule
     */
    public FormValidation tagName(final String value) {
        return check(v -> Names.requireTagName("tag", v), value);
    }

    /**
     * Validates a stream reference that may be empty (the tag's own stream).
     *
     * @param value the name as entered
     * @return ok, or an error naming the rule
     */
    public FormValidation optionalStreamName(final String value) {
        return value == null || value.isBlank() ? FormValidation.ok() : streamName(value);
    }

    /**
     * Validates an image reference, shows its normalised form when it differs, and says when a reference by digest
     * makes the tag a pin: the core records that digest once and never imports it ({@code TagSource.needsRegistry()}
     * is false), so the schedule, the credentials, the import mode and the platforms do not apply to it.
     *
     * @param value e.g. {@code python:3.12} or {@code quay.io/org/app@sha256:<64 hex>}
     * @return ok (with the normalised reference, or the pin, as a hint), or an error naming the rule
     */
    public FormValidation imageReference(final String value) {
        String entered = value == null ? "" : value.trim();
        try {
            ImageReference reference = ImageReference.parse(entered);
            String normalised = reference.toString();
            String hint = normalised.equals(entered) ? "" : "= " + normalised;
            if (reference.digest().isPresent()) {
                String pinned = Messages.RegistryImageSource_pinnedByDigest();
                return FormValidation.ok(hint.isEmpty() ? pinned : hint + ". " + pinned);
            }
            return hint.isEmpty() ? FormValidation.ok() : FormValidation.ok(hint);
        } catch (InvalidValueException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * Validates a digest.
     *
     * @param value e.g. {@code sha256:<64 hex>}
     * @return ok, or an error naming the rule
     */
    public FormValidation digest(final String value) {
        return check(v -> Digest.parse(v == null ? "" : v.trim()), value);
    }

    /**
     * Validates a platform list.
     *
     * @param value comma- or space-separated platforms, e.g. {@code linux/amd64, linux/arm64}; may be empty
     * @return ok, or an error naming the platform and the rule
     */
    public FormValidation platforms(final String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        Set<Platform> seen = new HashSet<>();
        for (String platform : value.trim().split("[,\\s]+")) {
            try {
                if (!seen.add(Platform.parse(platform))) {
                    return FormValidation.error("platforms: must not repeat a platform (got '" + platform + "')");
                }
            } catch (InvalidValueException e) {
                return FormValidation.error(e.getMessage());
            }
        }
        return FormValidation.ok();
    }

    /**
     * Validates an import mode.
     *
     * @param value {@code PreserveOriginal} or {@code Legacy}
     * @return ok, or an error naming the rule
     */
    public FormValidation importMode(final String value) {
        return check(ImportMode::parse, value == null || value.isBlank() ? "PreserveOriginal" : value.trim());
    }

    /**
     * Validates a whole-number field with the same rule JCasC and the command line apply.
     *
     * @param number the field, e.g. {@link SpecNumber#IMPORT_INTERVAL_MINUTES}
     * @param value the text as typed
     * @return ok, or an error naming the field, its unit and range, and the text as typed
     */
    public FormValidation number(final SpecNumber number, final String value) {
        return check(number::parse, value);
    }

    private static FormValidation check(final Consumer<String> rule, final String value) {
        try {
            rule.accept(value == null ? null : value.trim());
            return FormValidation.ok();
        } catch (InvalidValueException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
