package io.jenkins.plugins.imagestreams.registry.jib;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one registry host: trust, insecurity, proxy and timeouts. Immutable; equal settings share one
 * pooled HTTP client.
 *
 * @param caCertificatesPem extra CA certificates in PEM ({@code -----BEGIN CERTIFICATE-----} blocks) trusted in
 *     addition to the JVM's trust store; empty for the JVM's trust store only
 * @param insecure whether plain HTTP and unverified TLS may be used for this host. Only set it for hosts on the
 *     administrator's allowlist: like {@code docker}, the adapter then tries HTTPS without verification first and
 *     falls back to plain HTTP, and sends credentials over either
 * @param proxy an HTTP proxy ({@code host:port}) given by the caller; empty for a direct connection
 * @param connectTimeout the most a TCP (and TLS) connect may take
 * @param readTimeout the most one response (status line, headers and body) may take; a call's overall deadline
 *     ({@code ResolveOptions.deadline}) caps it further
 */
public record RegistryTransport(
        Optional<String> caCertificatesPem,
        boolean insecure,
        Optional<InetSocketAddress> proxy,
        Duration connectTimeout,
        Duration readTimeout) {

    /** JVM trust store, secure, direct, 10 s connect and 30 s read timeouts. */
    public static final RegistryTransport DEFAULT = new RegistryTransport(
            Optional.empty(), false, Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(30));

    /** Validates the record. */
    public RegistryTransport {
        Objects.requireNonNull(caCertificatesPem, "caCertificatesPem");
        Objects.requireNonNull(proxy, "proxy");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    /**
     * Returns a copy that trusts these CA certificates too.
     *
     * @param pem one or more PEM certificates
     * @return the copy
     */
    public RegistryTransport withCaCertificates(final String pem) {
        return new RegistryTransport(Optional.of(pem), insecure, proxy, connectTimeout, readTimeout);
    }

    /**
     * Returns a copy with insecure access allowed or not.
     *
     * @param allowed whether plain HTTP and unverified TLS may be used
     * @return the copy
     */
    public RegistryTransport withInsecure(final boolean allowed) {
        return new RegistryTransport(caCertificatesPem, allowed, proxy, connectTimeout, readTimeout);
    }

    /**
     * Returns a copy that connects through an HTTP proxy.
     *
     * @param address the proxy
     * @return the copy
     */
    public RegistryTransport withProxy(final InetSocketAddress address) {
        return new RegistryTransport(caCertificatesPem, insecure, Optional.of(address), connectTimeout, readTimeout);
    }

    /**
     * Returns a copy with other timeouts.
     *
     * @param connect the connect timeout, positive
     * @param read the read timeout, positive
     * @return the copy
     */
    public RegistryTransport withTimeouts(final Duration connect, final Duration read) {
        return new RegistryTransport(caCertificatesPem, insecure, proxy, connect, read);
    }

    private static void requirePositive(final Duration value, final String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
