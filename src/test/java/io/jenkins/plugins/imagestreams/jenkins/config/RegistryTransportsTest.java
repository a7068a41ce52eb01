package io.jenkins.plugins.imagestreams.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHostPattern;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHostSettings;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHosts;
import io.jenkins.plugins.imagestreams.registry.jib.ProxyCredentials;
import io.jenkins.plugins.imagestreams.registry.jib.RegistryTransport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

/**
 * The configuration's per-registry settings and Jenkins' proxy with its credentials, mapped onto the adapter's
 * transport.
 */
public class RegistryTransportsTest {
    private static final String PEM = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

    private static RegistryHosts hosts(final RegistryHostSettings... settings) {
        return new RegistryHosts(List.of(settings));
    }

    private static RegistryHostSettings settings(
            final String registry, final boolean insecure, final int connect, final int read) {
        return new RegistryHostSettings(
                RegistryHostPattern.parse("registry", registry),
                Optional.of(PEM),
                insecure,
                Duration.ofSeconds(connect),
                Duration.ofSeconds(read));
    }

    @Test
    public void shouldUseTheAdapterDefaultsForRegistriesWithoutSettingsOrProxy() {
        RegistryTransport transport = RegistryTransports.transportFor(
                "quay.io", RegistryHosts.NONE, RegistryAllowlist.allowAll(), Optional.empty());

        assertThat(transport).isEqualTo(RegistryTransport.DEFAULT);
    }

    @Test
    public void shouldMapCaTimeoutsAndInsecureOfTheMostSpecificSettings() {
        RegistryHosts hosts =
                hosts(settings("*.corp.example", true, 3, 4), settings("dev.corp.example:5000", false, 5, 6));
        RegistryAllowlist allowlist = RegistryAllowlist.of(List.of("*.corp.example"));

        RegistryTransport exact =
                RegistryTransports.transportFor("dev.corp.example:5000", hosts, allowlist, Optional.empty());
        RegistryTransport wildcard =
                RegistryTransports.transportFor("ci.corp.example", hosts, allowlist, Optional.empty());

        assertThat(exact)
                .isEqualTo(new RegistryTransport(
                        Optional.of(PEM), false, Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(6)));
        assertThat(wildcard.insecure()).isTrue();
        assertThat(wildcard.connectTimeout()).hasSeconds(3);
        assertThat(wildcard.readTimeout()).hasSeconds(4);
    }

    @Test
    public void shouldDropInsecureWhenTheAllowlistNoLongerNamesTheRegistry() {
        RegistryHosts hosts = hosts(settings("*.corp.example", true, 3, 4));

        assertThat(RegistryTransports.transportFor(
                                "ci.corp.example", hosts, RegistryAllowlist.of(List.of("quay.io")), Optional.empty())
                        .insecure())
                .isFalse();
        assertThat(RegistryTransports.transportFor(
                                "ci.corp.example", hosts, RegistryAllowlist.allowAll(), Optional.empty())
                        .insecure())
                .isFalse();
    }

    @Test
    public void shouldHonourJenkinsProxyAndItsNoProxyList() {
        Optional<JenkinsProxy> proxy = Optional.of(
                new JenkinsProxy("127.0.0.1", 3128, "*.internal.example\nlocalhost, 10.0.0.*", Optional.empty()));

        assertThat(RegistryTransports.transportFor("quay.io", RegistryHosts.NONE, RegistryAllowlist.allowAll(), proxy)
                        .proxy())
                .contains(new InetSocketAddress("127.0.0.1", 3128));
        for (String bypassed : List.of("registry.internal.example:5000", "localhost:5000", "10.0.0.7")) {
            assertThat(RegistryTransports.transportFor(
                                    bypassed, RegistryHosts.NONE, RegistryAllowlist.allowAll(), proxy)
                            .proxy())
                    .as(bypassed)
                    .isEmpty();
        }
    }

    @Test
    public void shouldReadTheCurrentSettingsOnEveryCall() {
        AtomicReference<RegistryHosts> hosts = new AtomicReference<>(RegistryHosts.NONE);
        AtomicReference<Optional<JenkinsProxy>> proxy = new AtomicReference<>(Optional.empty());
        RegistryTransports transports = new RegistryTransports(hosts::get, RegistryAllowlist::allowAll, proxy::get);

        assertThat(transports.apply("quay.io")).isSameAs(transports.apply("quay.io"));
        assertThat(transports.apply("quay.io")).isEqualTo(RegistryTransport.DEFAULT);

        hosts.set(hosts(settings("quay.io", false, 1, 2)));
        assertThat(transports.apply("quay.io").connectTimeout()).hasSeconds(1);

        proxy.set(Optional.of(new JenkinsProxy("proxy.example", 8080, "", Optional.of(alice("first")))));
        assertThat(transports.apply("quay.io").proxyCredentials()).contains(alice("first"));

        proxy.set(Optional.of(new JenkinsProxy("proxy.example", 8080, "", Optional.of(alice("changed")))));
        assertThat(transports.apply("quay.io").proxyCredentials()).contains(alice("changed"));
    }

    @Test
    public void shouldSendJenkinsProxyCredentialsOnlyWithTheProxyAndNeverShowThePassword() {
        Optional<JenkinsProxy> proxy =
                Optional.of(new JenkinsProxy("127.0.0.1", 3128, "*.internal.example", Optional.of(alice("pw-42"))));

        RegistryTransport proxied =
                RegistryTransports.transportFor("quay.io", RegistryHosts.NONE, RegistryAllowlist.allowAll(), proxy);
        RegistryTransport bypassed = RegistryTransports.transportFor(
                "registry.internal.example", RegistryHosts.NONE, RegistryAllowlist.allowAll(), proxy);

        assertThat(proxied.proxy()).contains(new InetSocketAddress("127.0.0.1", 3128));
        assertThat(proxied.proxyCredentials()).contains(alice("pw-42"));
        assertThat(bypassed).isEqualTo(RegistryTransport.DEFAULT);
        assertThat(proxied.toString()).contains("userName=alice").doesNotContain("pw-42");
        assertThat(proxy.get().toString()).contains("password=****").doesNotContain("pw-42");
    }

    private static ProxyCredentials alice(final String password) {
        return ProxyCredentials.of("alice", password.toCharArray());
    }
}
