package io.jenkins.plugins.imagestreams.jenkins.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHostPattern;
import io.jenkins.plugins.imagestreams.registry.jib.ProxyCredentials;
import io.jenkins.plugins.imagestreams.registry.jib.RegistryTransport;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Jenkins' HTTP proxy (Manage Jenkins → System → HTTP Proxy Configuration) as the registry transport needs it:
 * where the proxy is, its credentials, and which hosts bypass it.
 *
 * @param host the proxy host
 * @param port the proxy port
 * @param noProxyHost Jenkins' "No Proxy Host" list: host names or {@code *.domain} wildcards separated by new
 *     lines, commas, blanks or {@code |}; empty for none
 * @param credentials the proxy's user name and password, sent with Basic authentication when the proxy answers
 *     {@code 407}; empty when no user name is configured. Shown as {@code ****} by {@code toString()}
 */
record JenkinsProxy(String host, int port, String noProxyHost, Optional<ProxyCredentials> credentials) {
    /**
     * Reads Jenkins' configuration.
     *
     * @param proxy the configuration, or {@code null}
     * @return the proxy, or empty when none is configured
     * @throws IllegalArgumentException when the configured user name contains {@code :}, which Basic authentication
     *     cannot carry
     */
    static Optional<JenkinsProxy> of(@CheckForNull final ProxyConfiguration proxy) {
        if (proxy == null || proxy.getName() == null || proxy.getName().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new JenkinsProxy(
                proxy.getName().trim(),
                proxy.getPort(),
                proxy.getNoProxyHost() == null ? "" : proxy.getNoProxyHost(),
                credentials(proxy.getUserName(), proxy.getSecretPassword())));
    }

    private static Optional<ProxyCredentials> credentials(
            @CheckForNull final String userName, @CheckForNull final Secret password) {
        if (userName == null || userName.isBlank()) {
            return Optional.empty();
        }
        char[] plain = password == null ? new char[0] : password.getPlainText().toCharArray();
        try {
            return Optional.of(ProxyCredentials.of(userName.trim(), plain));
        } finally {
            Arrays.fill(plain, '\0');
        }
    }

    /**
     * Returns the transport with this proxy and its credentials, unless the registry's host is on the no-proxy
     * list.
     *
     * @param registry the registry as normalised references name it
     * @param transport the registry's transport without a proxy
     * @return the transport through the proxy, or the given one for a bypassed host
     */
    RegistryTransport applyTo(final String registry, final RegistryTransport transport) {
        Optional<InetSocketAddress> address = forRegistry(registry);
        if (address.isEmpty()) {
            return transport;
        }
        return credentials
                .map(user -> transport.withProxy(address.get(), user))
                .orElseGet(() -> transport.withProxy(address.get()));
    }

    /**
     * Returns the proxy for a registry, honouring the no-proxy list the way Jenkins does (the host name without
     * the port is matched against each pattern).
     *
     * @param registry the registry as normalised references name it, e.g. {@code quay.io} or
     *     {@code 127.0.0.1:5000}
     * @return the proxy address, or empty when the registry's host is on the no-proxy list
     */
    Optional<InetSocketAddress> forRegistry(final String registry) {
        String hostName = RegistryHostPattern.hostOf(registry);
        if (hostName.startsWith("[") && hostName.endsWith("]")) {
            hostName = hostName.substring(1, hostName.length() - 1);
        }
        for (Pattern bypass : ProxyConfiguration.getNoProxyHostPatterns(noProxyHost)) {
            if (bypass.matcher(hostName).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(new InetSocketAddress(host, port));
    }
}
