package io.jenkins.plugins.imagestreams.registry.jib;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHostSettings;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHosts;
import java.util.List;
import org.junit.Test;

/** The transport of a registry from the configuration's settings, as the plugin and the command line build it. */
public class RegistryTransportTest {
    private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
    private static final String EXTRA = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----";

    @Test
    public void shouldAddCaCertificatesToThoseOfTheRegistrysSettings() {
        RegistryTransport own = RegistryTransport.DEFAULT.withCaCertificates(CA);

        assertThat(own.withAdditionalCaCertificates(EXTRA).caCertificatesPem()).contains(CA + "\n" + EXTRA);
        assertThat(RegistryTransport.DEFAULT.withAdditionalCaCertificates(EXTRA).caCertificatesPem())
                .contains(EXTRA);
        assertThat(own.withCaCertificates(EXTRA).caCertificatesPem()).contains(EXTRA);
    }

    @Test
    public void shouldBeInsecureOnlyWhenTheSettingsAskAndTheAllowlistAllows() {
        RegistryHosts hosts =
                new RegistryHosts(List.of(RegistryHostSettings.of("registry.local:5000", "", true, 3, 7)));

        RegistryTransport allowed = RegistryTransport.forRegistry(
                "registry.local:5000", hosts, RegistryAllowlist.parse("registry.local:5000"));
        RegistryTransport notListed =
                RegistryTransport.forRegistry("registry.local:5000", hosts, RegistryAllowlist.parse("quay.io"));

        assertThat(allowed.insecure()).isTrue();
        assertThat(allowed.connectTimeout()).hasSeconds(3);
        assertThat(allowed.readTimeout()).hasSeconds(7);
        assertThat(allowed.proxy()).isEmpty();
        assertThat(notListed.insecure()).isFalse();
        assertThat(RegistryTransport.forRegistry("quay.io", hosts, RegistryAllowlist.allowAll()))
                .isEqualTo(RegistryTransport.DEFAULT);
    }
}
