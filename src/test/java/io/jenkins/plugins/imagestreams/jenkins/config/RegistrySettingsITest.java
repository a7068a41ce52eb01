package io.jenkins.plugins.imagestreams.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.registry.RegistryHosts;
import io.jenkins.plugins.imagestreams.jenkins.polling.ManualPolling;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import io.jenkins.plugins.imagestreams.testing.proxy.ForwardProxy;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Per-registry settings in the configuration reach the registry adapter: a registry with its own CA is trusted only
 * once its CA is configured, Jenkins' proxy (and its no-proxy list) is honoured, and the settings round-trip through
 * the form and JCasC.
 */
public class RegistrySettingsITest {
    static {
        ManualPolling.install();
    }

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public LocalRegistry tls = LocalRegistry.tls();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private String testConnection(final String image) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            return TestConnectionEndpoint.post(j, web, Map.of("image", image, "allowedRegistries", ""))
                    .getWebResponse()
                    .getContentAsString();
        }
    }

    private RegistryDefinition withCa() throws Exception {
        RegistryDefinition registry = new RegistryDefinition(tls.hostAndPort());
        registry.setCaCertificates(Files.readString(tls.caCertificatePem()));
        return registry;
    }

    @Test
    public void shouldTrustTheRegistryOnlyWithItsCaFromTheConfiguration() throws Exception {
        String digest = tls.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);
        String image = tls.imageReference("demo/app", "v1");

        assertThat(testConnection(image))
                .contains("Unavailable: ")
                .contains("SSLHandshakeException")
                .contains("TLS certificate is not trusted")
                .doesNotContain(digest);

        ImageStreamsConfiguration.get().setRegistries(List.of(withCa()));

        assertThat(testConnection(image)).contains(image + " resolves to " + digest);
    }

    @Test
    public void shouldImportFromTheTlsRegistryOnceItsCaIsConfigured() throws Exception {
        String digest = tls.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);
        ImageStreamDefinition stream = new ImageStreamDefinition("app");
        stream.setTags(List.of(new TagDefinition("v1", new RegistryImageSource(tls.imageReference("demo/app", "v1")))));
        ImageStreamsConfiguration.get().setStreams(List.of(stream));

        ManualPolling.runOnce();

        TagCondition failed = ImageStreamsService.get()
                .streams()
                .tagStatus("app", "v1")
                .flatMap(TagHistory::condition)
                .orElseThrow();
        assertThat(failed.status()).isFalse();
        assertThat(failed.message()).contains("SSLHandshakeException");

        ImageStreamsConfiguration.get().setRegistries(List.of(withCa()));
        ImageStreamsService.get().streams().requestImport("app", "v1");
        ManualPolling.runOnce();

        assertThat(ImageStreamsService.get()
                        .streams()
                        .current("app", "v1")
                        .map(e -> e.digest().toString()))
                .contains(digest);
        assertThat(ImageStreamsService.get()
                        .streams()
                        .tagStatus("app", "v1")
                        .flatMap(TagHistory::condition)
                        .map(TagCondition::status))
                .contains(true);
    }

    @Test
    public void shouldTunnelThroughJenkinsProxyUnlessTheRegistryIsOnTheNoProxyList() throws Exception {
        String digest = tls.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);
        String image = tls.imageReference("demo/app", "v1");
        ImageStreamsConfiguration.get().setRegistries(List.of(withCa()));
        try (ForwardProxy proxy = ForwardProxy.start()) {
            j.jenkins.proxy = new ProxyConfiguration("127.0.0.1", proxy.port());

            assertThat(testConnection(image)).contains("resolves to " + digest);
            assertThat(proxy.tunnels()).contains(tls.hostAndPort());

            int tunnels = proxy.tunnels().size();
            j.jenkins.proxy = new ProxyConfiguration("127.0.0.1", proxy.port(), null, null, "localhost\n127.0.0.*");

            assertThat(testConnection(image)).contains("resolves to " + digest);
            assertThat(proxy.tunnels()).hasSize(tunnels);
        }
    }

    @Test
    public void shouldRejectInvalidPemNamingTheFieldAndKeepTheSettings() throws Exception {
        ImageStreamsConfiguration.get().setRegistries(List.of(withCa()));
        RegistryDefinition broken = new RegistryDefinition("registry.example.com");
        broken.setCaCertificates("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----");

        assertThatThrownBy(() -> ImageStreamsConfiguration.get().setRegistries(List.of(broken)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("registries.registry.example.com.caCertificates: must be one or more PEM"
                        + " certificates (-----BEGIN CERTIFICATE----- blocks); the parser says:");
        assertThat(ImageStreamsConfiguration.get().getRegistries())
                .extracting(RegistryDefinition::getRegistry)
                .containsExactly(tls.hostAndPort());
    }

    @Test
    public void shouldAllowInsecureRegistrySettingsOnlyOnTheAllowlist() {
        RegistryDefinition insecure = new RegistryDefinition("dev.corp.example:5000");
        insecure.setInsecure(true);

        assertThatThrownBy(() -> ImageStreamsConfiguration.get().setRegistries(List.of(insecure)))
                .hasMessage("registries.dev.corp.example:5000.insecure: must name a registry on the allowlist to be"
                        + " insecure (the allowlist is empty) (got 'dev.corp.example:5000')");

        ImageStreamsConfiguration.get().setAllowedRegistries("*.corp.example");
        ImageStreamsConfiguration.get().setRegistries(List.of(insecure));

        assertThat(ImageStreamsConfiguration.get().toRegistryHosts().forRegistry("dev.corp.example:5000"))
                .hasValueSatisfying(s -> assertThat(s.insecure()).isTrue());
    }

    @Test
    public void shouldRoundTripTheForm() throws Exception {
        RegistryDefinition registry = withCa();
        registry.setConnectTimeoutSeconds(5);
        registry.setReadTimeoutSeconds(60);
        RegistryDefinition wildcard = new RegistryDefinition("*.corp.example");
        wildcard.setInsecure(true);
        ImageStreamsConfiguration.get().setAllowedRegistries("*.corp.example\n" + tls.hostAndPort());
        ImageStreamsConfiguration.get().setRegistries(List.of(registry, wildcard));

        j.configRoundtrip();

        List<RegistryDefinition> after = ImageStreamsConfiguration.get().getRegistries();
        assertThat(after).hasSize(2);
        j.assertEqualDataBoundBeans(registry, after.get(0));
        j.assertEqualDataBoundBeans(wildcard, after.get(1));
        assertThat(ImageStreamsConfiguration.get().getAllowedRegistries())
                .isEqualTo("*.corp.example\n" + tls.hostAndPort());
    }

    @Test
    public void shouldRoundTripRegistriesThroughJcasc() throws Exception {
        String pem = Files.readString(tls.caCertificatePem()).strip();
        List<String> lines = new ArrayList<>(List.of(
                "allowedRegistries: \"*.corp.example, " + tls.hostAndPort() + "\"",
                "registries:",
                "  - registry: \"" + tls.hostAndPort() + "\"",
                "    connectTimeoutSeconds: 5",
                "    readTimeoutSeconds: 60",
                "    caCertificates: |"));
        pem.lines().forEach(line -> lines.add("      " + line));
        lines.addAll(List.of("  - registry: \"*.corp.example\"", "    insecure: true"));

        Jcasc.apply(temp, Jcasc.imageStreams(lines.toArray(String[]::new)));

        assertThat(ImageStreamsConfiguration.get().toRegistryHosts().forRegistry(tls.hostAndPort()))
                .hasValueSatisfying(s -> {
                    assertThat(s.caCertificatesPem()).contains(pem + "\n");
                    assertThat(s.readTimeout()).hasSeconds(60);
                });
        String exported = Jcasc.export();
        assertThat(exported).contains("registries:").contains("caCertificates:").contains("insecure: true");

        RegistryHosts before = ImageStreamsConfiguration.get().toRegistryHosts();
        ImageStreamsConfiguration.get().setRegistries(List.of());
        Jcasc.apply(temp, exported);
        assertThat(ImageStreamsConfiguration.get().toRegistryHosts()).isEqualTo(before);
    }
}
