package io.jenkins.plugins.imagestreams.jenkins.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHostPattern;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Jenkins' HTTP proxy (Manage Jenkins → Plugins → Advanced settings) as the registry transport needs it: where
 * the proxy is, and which hosts bypass it.
 *
 * @param host the proxy host
 * @param port the proxy port
 * @param noProxyHost Jenkins' "No Proxy Host" list: host names or {@code *.domain} wildcards separated by new
 *     lines, commas, blanks or {@code |}; empty for none
 * @param authenticated whether the proxy is configured with a user name (the registry transport cannot send proxy
 *     credentials yet)
 */
record JenkinsProxy(String host, int port, String noProxyHost, boolean authenticated) {
    /**
     * Reads Jenkins' configuration.
     *
     * @param proxy the configuration, or {@code null}
     * @return the proxy, or empty when none is configured
     */
    static Optional<JenkinsProxy> of(@CheckForNull final ProxyConfiguration proxy) {
        if (proxy == null || proxy.getName() == null || proxy.getName().isBlank()) {
            return Optional.empty();
        }
        String user = proxy.getUserName();
        return Optional.of(new JenkinsProxy(
                proxy.getName().trim(),
                proxy.getPort(),
                proxy.getNoProxyHost() == null ? "" : proxy.getNoProxyHost(),
                user != null && !user.isBlank()));
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
