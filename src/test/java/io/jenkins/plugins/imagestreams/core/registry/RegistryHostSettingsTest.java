package io.jenkins.plugins.imagestreams.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** Per-registry settings: CA certificates in PEM, timeouts, and the most specific match. */
public class RegistryHostSettingsTest {
    private static String testCa() {
        try (InputStream in = RegistryHostSettingsTest.class.getResourceAsStream("test-ca.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RegistryHostSettings settings(final String registry) {
        return RegistryHostSettings.of(registry, "", false, 10, 30);
    }

    @Test
    public void shouldKeepValidCertificatesAndTimeouts() {
        RegistryHostSettings settings =
                RegistryHostSettings.of("registry.example.com:5000", "\n" + testCa() + testCa(), true, 5, 60);

        assertThat(settings.registry()).hasToString("registry.example.com:5000");
        assertThat(settings.caCertificatesPem())
                .hasValueSatisfying(pem -> assertThat(pem)
                        .startsWith("-----BEGIN CERTIFICATE-----")
                        .endsWith("-----END CERTIFICATE-----\n"));
        assertThat(RegistryHostSettings.requireCertificates(testCa() + testCa()))
                .isEqualTo(2);
        assertThat(settings.insecure()).isTrue();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings("quay.io").caCertificatesPem()).isEmpty();
    }

    @Test
    public void shouldNameTheFieldForTextThatIsNoCertificate() {
        assertThatThrownBy(() -> RegistryHostSettings.of("quay.io", "not a certificate", false, 10, 30))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("caCertificates: must be one or more PEM certificates (-----BEGIN CERTIFICATE-----"
                        + " blocks) (got 'not a certificate')");
    }

    @Test
    public void shouldNameTheFieldAndTheParserComplaintForBrokenPem() {
        String truncated = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> RegistryHostSettings.requireCertificates(truncated))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("caCertificates: must be one or more PEM certificates")
                .hasMessageContaining("the parser says:");
        assertThatThrownBy(() -> RegistryHostSettings.requireCertificates(testCa() + truncated))
                .hasMessageStartingWith("caCertificates: must be one or more PEM certificates");
    }

    @Test
    public void shouldRejectTimeoutsOutOfRange() {
        assertThatThrownBy(() -> RegistryHostSettings.of("quay.io", "", false, 0, 30))
                .hasMessage("connectTimeoutSeconds: must be a whole number of seconds between 1 and 300 (got '0')");
        assertThatThrownBy(() -> RegistryHostSettings.of("quay.io", "", false, 10, 301))
                .hasMessage("readTimeoutSeconds: must be a whole number of seconds between 1 and 300 (got '301')");
        assertThatThrownBy(() -> RegistryHostSettings.of("https://quay.io", "", false, 10, 30))
                .hasMessageStartingWith("registry: must be a registry host");
    }

    @Test
    public void shouldPickTheMostSpecificSettings() {
        RegistryHosts hosts = new RegistryHosts(List.of(
                settings("*.example.com"),
                settings("*.a.example.com"),
                settings("a.example.com"),
                settings("a.example.com:5000")));

        assertThat(hosts.forRegistry("a.example.com:5000").map(s -> s.registry().toString()))
                .contains("a.example.com:5000");
        assertThat(hosts.forRegistry("a.example.com:443").map(s -> s.registry().toString()))
                .contains("a.example.com");
        assertThat(hosts.forRegistry("b.a.example.com").map(s -> s.registry().toString()))
                .contains("*.a.example.com");
        assertThat(hosts.forRegistry("c.example.com").map(s -> s.registry().toString()))
                .contains("*.example.com");
        assertThat(hosts.forRegistry("quay.io")).isEqualTo(Optional.empty());
        assertThat(RegistryHosts.NONE.forRegistry("quay.io")).isEmpty();
    }

    @Test
    public void shouldRejectARegistryListedTwice() {
        assertThatThrownBy(() -> new RegistryHosts(List.of(settings("quay.io"), settings("QUAY.io"))))
                .hasMessage("registries: must not list a registry twice (got 'quay.io')");
    }

    @Test
    public void shouldAllowInsecureSettingsOnlyInsideTheAllowlist() {
        RegistryHosts hosts = new RegistryHosts(
                List.of(RegistryHostSettings.of("dev.corp.example:5000", "", true, 10, 30), settings("quay.io")));

        hosts.check(RegistryAllowlist.of(List.of("*.corp.example")));
        hosts.check(RegistryAllowlist.of(List.of("dev.corp.example")));
        assertThatThrownBy(() -> hosts.check(RegistryAllowlist.allowAll()))
                .hasMessage("registries.dev.corp.example:5000.insecure: must name a registry on the allowlist to be"
                        + " insecure (the allowlist is empty) (got 'dev.corp.example:5000')");
        assertThatThrownBy(() -> hosts.check(RegistryAllowlist.of(List.of("quay.io"))))
                .hasMessageStartingWith(
                        "registries.dev.corp.example:5000.insecure: must name a registry on the allowlist [quay.io]");
    }
}
