package io.jenkins.plugins.imagestreams.registry.jib;

import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHostSettings;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHosts;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one registry host: trust, insecurity, proxy (with its credentials) and timeouts. Immutable; equal
 * settings share one pooled HTTP client. {@link #toString()} never shows the proxy password.
 *
 * @param caCertificatesPem extra CA certificates in PEM ({@code -----BEGIN CERTIFICATE-----} blocks) trusted in
 *     addition to the JVM's trust store; empty for the JVM's trust store only
 * @param insecure whether plain HTTP and unverified TLS may be used for this host. Only set it for hosts on the
 *     administrator's allowlist: like {@code docker}, the adapter then tries HTTPS without verification first and
 *     falls back to plain HTTP, and sends credentials over either
 * @param proxy an HTTP proxy ({@code host:port}) given by the caller; empty for a direct connection. Plain-HTTP
 *     requests go to it with absolute URIs, HTTPS requests through a {@code CONNECT} tunnel
 * @param proxyCredentials the user name and password the proxy asks for with {@code 407}; sent with Basic
 *     authentication to the proxy only, never to a registry; empty for a proxy without authentication. Only with a
 *     proxy. Shown as {@code ****} by {@code toString()}
 * @param connectTimeout the most a TCP (and TLS) connect may take
 * @param readTimeout the most one response (status line, headers and body) may take; a call's overall deadline
 *     ({@code ResolveOptions.deadline}) caps it further
 */
public record RegistryTransport(
        Optional<String> caCertificatesPem,
        boolean insecure,
        Optional<InetSocketAddress> proxy,
        Optional<ProxyCredentials> proxyCredentials,
        Duration connectTimeout,
        Duration readTimeout) {

    /** JVM trust store, secure, direct, 10 s connect and 30 s read timeouts. */
    public static final RegistryTransport DEFAULT = new RegistryTransport(
            Optional.empty(), false, Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(30));

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException when a timeout is not positive, or proxy credentials come without a proxy
     */
    public RegistryTransport {
        Objects.requireNonNull(caCertificatesPem, "caCertificatesPem");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(proxyCredentials, "proxyCredentials");
        if (proxyCredentials.isPresent() && proxy.isEmpty()) {
            throw new IllegalArgumentException("proxyCredentials need a proxy");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    /**
     * A transport whose proxy, if any, needs no credentials.
     *
     * @param caCertificatesPem extra CA certificates in PEM
     * @param insecure whether plain HTTP and unverified TLS may be used
     * @param proxy an HTTP proxy, or empty
     * @param connectTimeout the connect timeout, positive
     * @param readTimeout the read timeout, positive
     */
    public RegistryTransport(
            final Optional<String> caCertificatesPem,
            final boolean insecure,
            final Optional<InetSocketAddress> proxy,
            final Duration connectTimeout,
            final Duration readTimeout) {
        this(caCertificatesPem, insecure, proxy, Optional.empty(), connectTimeout, readTimeout);
    }

    /**
     * Returns the transport of one registry from the configuration's per-registry settings ({@code registries:}): the
     * matching entry's timeouts and CA certificates, and insecure access when the entry asks for it <em>and</em> the
     * allowlist allows the registry to be insecure. A registry no entry matches gets {@link #DEFAULT}. No proxy: the
     * caller adds its own. The Jenkins glue and the command line both build their transports here.
     *
     * @param registry the registry as normalised references name it, e.g. {@code quay.io} or
     *     {@code registry.example.com:5000}
     * @param hosts the per-registry settings
     * @param allowlist the registry allowlist in force
     * @return the transport
     */
    public static RegistryTransport forRegistry(
            final String registry, final RegistryHosts hosts, final RegistryAllowlist allowlist) {
        Optional<RegistryHostSettings> settings = hosts.forRegistry(registry);
        if (settings.isEmpty()) {
            return DEFAULT;
        }
        RegistryHostSettings found = settings.get();
        return new RegistryTransport(
                found.caCertificatesPem(),
                found.insecure() && allowlist.allows(registry, true),
                Optional.empty(),
                found.connectTimeout(),
                found.readTimeout());
    }

    /**
     * Returns a copy that trusts these CA certificates as well as those it trusts already.
     *
     * @param pem one or more PEM certificates
     * @return the copy
     */
    public RegistryTransport withAdditionalCaCertificates(final String pem) {
        return withCaCertificates(caCertificatesPem.map(own -> own + "\n" + pem).orElse(pem));
    }

    /**
     * Returns a copy that trusts these CA certificates, instead of any it trusted before, besides the JVM's.
     *
     * @param pem one or more PEM certificates
     * @return the copy
     */
    public RegistryTransport withCaCertificates(final String pem) {
        return new RegistryTransport(Optional.of(pem), insecure, proxy, proxyCredentials, connectTimeout, readTimeout);
    }

    /**
     * Returns a copy with insecure access allowed or not.
     *
     * @param allowed whether plain HTTP and unverified TLS may be used
     * @return the copy
     */
    public RegistryTransport withInsecure(final boolean allowed) {
        return new RegistryTransport(caCertificatesPem, allowed, proxy, proxyCredentials, connectTimeout, readTimeout);
    }

    /**
     * Returns a copy that connects through an HTTP proxy without authentication.
     *
     * @param address the proxy
     * @return the copy
     */
    public RegistryTransport withProxy(final InetSocketAddress address) {
        return new RegistryTransport(
                caCertificatesPem, insecure, Optional.of(address), Optional.empty(), connectTimeout, readTimeout);
    }

    /**
     * Returns a copy that connects through an HTTP proxy which asks for credentials ({@code 407} with
     * {@code Proxy-Authenticate: Basic}).
     *
     * @param address the proxy
     * @param credentials the proxy's user name and password
     * @return the copy
     */
    public RegistryTransport withProxy(final InetSocketAddress address, final ProxyCredentials credentials) {
        return new RegistryTransport(
                caCertificatesPem,
                insecure,
                Optional.of(address),
                Optional.of(credentials),
                connectTimeout,
                readTimeout);
    }

    /**
     * Returns a copy with other timeouts.
     *
     * @param connect the connect timeout, positive
     * @param read the read timeout, positive
     * @return the copy
     */
    public RegistryTransport withTimeouts(final Duration connect, final Duration read) {
        return new RegistryTransport(caCertificatesPem, insecure, proxy, proxyCredentials, connect, read);
    }

    private static void requirePositive(final Duration value, final String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
