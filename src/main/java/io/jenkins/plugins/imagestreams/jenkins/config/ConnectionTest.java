package io.jenkins.plugins.imagestreams.jenkins.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryClient;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import io.jenkins.plugins.imagestreams.jenkins.credentials.RegistryCredentialsFacade;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The "Test connection" of a registry tag: resolves the entered image through the registry adapter, with the
 * selected credentials, the entered {@code insecure} flag and allowlist, and the saved per-registry settings and
 * Jenkins' proxy, exactly as an import would. It answers with the digest, or with the typed failure
 * ({@code NotFound}, {@code Unauthorized}, {@code RateLimited}, {@code Unavailable}, {@code InvalidManifest}) and
 * the adapter's message, which names the registry and the reference and never a secret. Nothing is recorded.
 * The caller checks Overall/Administer first.
 */
final class ConnectionTest {
    /** The most one test may take, token requests included. */
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private final RegistryClient registry;
    private final RegistryCredentialsFacade credentials;
    private final Supplier<RegistryAllowlist> savedAllowlist;

    ConnectionTest(
            final RegistryClient registry,
            final RegistryCredentialsFacade credentials,
            final Supplier<RegistryAllowlist> savedAllowlist) {
        this.registry = registry;
        this.credentials = credentials;
        this.savedAllowlist = savedAllowlist;
    }

    /**
     * Runs the test.
     *
     * @param image the image as entered, e.g. {@code quay.io/org/app:1.2}
     * @param credentialsId the selected credentials ID; blank for anonymous
     * @param insecure whether plain HTTP or unverified TLS may be used
     * @param allowedRegistries the allowlist as entered; {@code null} for the saved one
     * @return ok with the digest, or an error with the reason and message
     */
    FormValidation run(
            @CheckForNull final String image,
            @CheckForNull final String credentialsId,
            final boolean insecure,
            @CheckForNull final String allowedRegistries) {
        if (image == null || image.isBlank()) {
            return FormValidation.error(Messages.ConnectionTest_noImage());
        }
        ImageReference reference;
        RegistryAllowlist allowlist;
        try {
            reference = ImageReference.parse(image.trim());
            allowlist = allowedRegistries == null ? savedAllowlist.get() : RegistryAllowlist.parse(allowedRegistries);
        } catch (InvalidValueException e) {
            return FormValidation.error(e.getMessage());
        }
        if (!allowlist.allows(reference, insecure)) {
            return FormValidation.error(Messages.ConnectionTest_notAllowed(reference, allowlist.rule()));
        }
        String id = credentialsId == null ? "" : credentialsId.trim();
        Optional<RegistryCredentials> found =
                id.isEmpty() ? Optional.of(RegistryCredentials.anonymous()) : credentials.forImage(id, reference);
        if (found.isEmpty()) {
            return FormValidation.error(
                    Messages.ConnectionTest_noCredentials(id, RegistryCredentialsFacade.registryUri(reference)));
        }
        return resolve(reference, found.get(), insecure);
    }

    private FormValidation resolve(
            final ImageReference reference, final RegistryCredentials creds, final boolean insecure) {
        try {
            ResolvedImage resolved =
                    registry.resolve(reference, creds, new ResolveOptions(Optional.empty(), insecure, DEADLINE, 1));
            return FormValidation.ok(Messages.ConnectionTest_resolved(
                    reference,
                    resolved.digest(),
                    resolved.mediaType(),
                    resolved.platformDigests().size()));
        } catch (RegistryException e) {
            String message = withoutSecret(String.valueOf(e.getMessage()), creds);
            return FormValidation.error(e.reason() + ": " + message + tlsHint(message));
        } catch (RuntimeException e) {
            String message = withoutSecret(e.getClass().getSimpleName() + ": " + e.getMessage(), creds);
            return FormValidation.error("Unavailable: " + reference.registry() + ": " + message + tlsHint(message));
        }
    }

    /** The adapter's messages never carry a secret; this makes sure a registry echoing one cannot change that. */
    private static String withoutSecret(final String message, final RegistryCredentials creds) {
        return creds.secret()
                .filter(secret -> !secret.isEmpty())
                .map(secret -> message.replace(secret, "****"))
                .orElse(message);
    }

    private static String tlsHint(final String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        boolean tls = lower.contains("sslhandshake")
                || lower.contains("pkix")
                || lower.contains("certificate")
                || lower.contains("ssl");
        return tls ? " " + Messages.ConnectionTest_tlsHint() : "";
    }
}
