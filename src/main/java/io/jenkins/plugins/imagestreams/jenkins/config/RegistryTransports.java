package io.jenkins.plugins.imagestreams.jenkins.config;

import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHosts;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import io.jenkins.plugins.imagestreams.registry.jib.RegistryTransport;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The registry adapter's transport for each registry, from the configuration's per-registry settings (CA
 * certificates, insecure, timeouts) and Jenkins' proxy with its user name and password. A registry no setting
 * matches gets the adapter's defaults (JVM trust store, secure, 10 s connect, 30 s read) and the proxy.
 * {@code insecure} from the settings is only honoured while the allowlist names the registry. The adapter calls
 * this on every request, so the answers are cached until the configuration or the proxy changes.
 */
public final class RegistryTransports implements Function<String, RegistryTransport> {
    private final Supplier<RegistryHosts> hosts;
    private final Supplier<RegistryAllowlist> allowlist;
    private final Supplier<Optional<JenkinsProxy>> proxy;
    private volatile Cache cache = new Cache(null, null, Optional.empty(), Map.of());

    private record Cache(
            RegistryHosts hosts,
            RegistryAllowlist allowlist,
            Optional<JenkinsProxy> proxy,
            Map<String, RegistryTransport> transports) {}

    /**
     * Creates the mapping.
     *
     * @param hosts the per-registry settings in force
     * @param allowlist the allowlist in force
     * @param proxy Jenkins' proxy, read on every call
     */
    RegistryTransports(
            final Supplier<RegistryHosts> hosts,
            final Supplier<RegistryAllowlist> allowlist,
            final Supplier<Optional<JenkinsProxy>> proxy) {
        this.hosts = hosts;
        this.allowlist = allowlist;
        this.proxy = proxy;
    }

    /**
     * Creates the mapping over the global configuration and Jenkins' proxy.
     *
     * @param jenkins reaches Jenkins' proxy configuration
     * @return the mapping
     */
    public static RegistryTransports ofJenkins(final JenkinsFacade jenkins) {
        return new RegistryTransports(
                () -> ImageStreamsConfiguration.get().toRegistryHosts(),
                () -> ImageStreamsConfiguration.get().toAllowlist(),
                () -> JenkinsProxy.of(jenkins.getProxy()));
    }

    @Override
    public RegistryTransport apply(final String registry) {
        RegistryHosts currentHosts = hosts.get();
        RegistryAllowlist currentAllowlist = allowlist.get();
        Optional<JenkinsProxy> currentProxy = proxy.get();
        Cache current = cache;
        if (!Objects.equals(current.hosts(), currentHosts)
                || !Objects.equals(current.allowlist(), currentAllowlist)
                || !current.proxy().equals(currentProxy)) {
            current = new Cache(currentHosts, currentAllowlist, currentProxy, new ConcurrentHashMap<>());
            cache = current;
        }
        return current.transports()
                .computeIfAbsent(registry, r -> transportFor(r, currentHosts, currentAllowlist, currentProxy));
    }

    /**
     * Computes the transport of one registry.
     *
     * @param registry the registry as normalised references name it
     * @param hosts the per-registry settings
     * @param allowlist the allowlist
     * @param proxy Jenkins' proxy, if any
     * @return the transport
     */
    static RegistryTransport transportFor(
            final String registry,
            final RegistryHosts hosts,
            final RegistryAllowlist allowlist,
            final Optional<JenkinsProxy> proxy) {
        RegistryTransport transport = RegistryTransport.forRegistry(registry, hosts, allowlist);
        return proxy.isPresent() ? proxy.get().applyTo(registry, transport) : transport;
    }
}
