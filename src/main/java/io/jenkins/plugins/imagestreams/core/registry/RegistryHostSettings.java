package io.jenkins.plugins.imagestreams.core.registry;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the registries a pattern matches are reached: extra trusted CA certificates, whether plain HTTP or unverified
 * TLS may be used, and the timeouts. The registry adapter turns them into its transport; the proxy is not part of
 * them, it comes from the host (Jenkins' proxy configuration).
 *
 * @param registry the registries these settings apply to
 * @param caCertificatesPem CA certificates in PEM ({@code -----BEGIN CERTIFICATE-----} blocks), trusted for these
 *     registries in addition to the JVM's trust store; empty for the JVM's trust store only
 * @param insecure whether plain HTTP and unverified TLS may be used for every tag of these registries; only honoured
 *     for registries on the allowlist
 * @param connectTimeout the most a TCP (and TLS) connect may take
 * @param readTimeout the most one response may take; the import deadline (30 s) caps it further
 */
public record RegistryHostSettings(
        RegistryHostPattern registry,
        Optional<String> caCertificatesPem,
        boolean insecure,
        Duration connectTimeout,
        Duration readTimeout) {
    /** The connect timeout when none is set, in seconds, as the adapter's default. */
    public static final int DEFAULT_CONNECT_SECONDS = 10;
    /** The read timeout when none is set, in seconds, as the adapter's default. */
    public static final int DEFAULT_READ_SECONDS = 30;
    /** The longest timeout, in seconds. */
    public static final int MAX_TIMEOUT_SECONDS = 300;

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    /** Validates the record. */
    public RegistryHostSettings {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(caCertificatesPem, "caCertificatesPem");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /**
     * Checks that insecure settings name registries on the allowlist, as a tag's {@code insecure} must.
     *
     * @param allowlist the allowlist in force
     * @return these settings, unchanged
     * @throws InvalidValueException naming {@code insecure} and the allowlist's rule, with the registry pattern
     */
    public RegistryHostSettings requireAllowed(final RegistryAllowlist allowlist) {
        if (insecure && !allowlist.allows(registry, true)) {
            throw new InvalidValueException("insecure", allowlist.rule(), registry.toString());
        }
        return this;
    }

    /**
     * Validates settings as entered in the configuration.
     *
     * @param registry a host pattern, e.g. {@code registry.example.com:5000} or {@code *.example.com}
     * @param caCertificates PEM text; blank for none
     * @param insecure whether plain HTTP and unverified TLS may be used
     * @param connectTimeoutSeconds seconds, 1 to {@value #MAX_TIMEOUT_SECONDS}
     * @param readTimeoutSeconds seconds, 1 to {@value #MAX_TIMEOUT_SECONDS}
     * @return the settings
     * @throws InvalidValueException naming {@code registry}, {@code caCertificates}, {@code connectTimeoutSeconds}
     *     or {@code readTimeoutSeconds} and the rule
     */
    public static RegistryHostSettings of(
            final String registry,
            final String caCertificates,
            final boolean insecure,
            final int connectTimeoutSeconds,
            final int readTimeoutSeconds) {
        RegistryHostPattern pattern = RegistryHostPattern.parse("registry", registry);
        String pem = caCertificates == null ? "" : caCertificates.strip();
        if (!pem.isEmpty()) {
            requireCertificates(pem);
        }
        return new RegistryHostSettings(
                pattern,
                pem.isEmpty() ? Optional.empty() : Optional.of(pem + "\n"),
                insecure,
                seconds("connectTimeoutSeconds", connectTimeoutSeconds),
                seconds("readTimeoutSeconds", readTimeoutSeconds));
    }

    /**
     * Checks that a text holds one or more X.509 certificates in PEM, and nothing that fails to parse.
     *
     * @param pem the text
     * @return the number of certificates
     * @throws InvalidValueException naming {@code caCertificates}, with the parser's complaint
     */
    public static int requireCertificates(final String pem) {
        int blocks = countBlocks(pem);
        String rule = "must be one or more PEM certificates (" + BEGIN + " blocks)";
        if (blocks == 0) {
            throw new InvalidValueException("caCertificates", rule, firstLine(pem));
        }
        try {
            int parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .size();
            if (parsed != blocks) {
                throw new InvalidValueException(
                        "caCertificates",
                        rule + "; " + parsed + " of " + blocks + " blocks are certificates",
                        firstLine(pem));
            }
            return parsed;
        } catch (CertificateException e) {
            throw new InvalidValueException(
                    "caCertificates", rule + "; the parser says: " + e.getMessage(), firstLine(pem));
        }
    }

    private static int countBlocks(final String pem) {
        int count = 0;
        for (int at = pem.indexOf(BEGIN); at >= 0; at = pem.indexOf(BEGIN, at + BEGIN.length())) {
            count++;
        }
        return count;
    }

    private static String firstLine(final String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 64 ? line.substring(0, 64) + "…" : line;
    }

    private static Duration seconds(final String field, final int value) {
        if (value < 1 || value > MAX_TIMEOUT_SECONDS) {
            throw new InvalidValueException(
                    field,
                    "must be a whole number of seconds between 1 and " + MAX_TIMEOUT_SECONDS,
                    String.valueOf(value));
        }
        return Duration.ofSeconds(value);
    }
}
