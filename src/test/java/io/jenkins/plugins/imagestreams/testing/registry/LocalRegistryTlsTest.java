package io.jenkins.plugins.imagestreams.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import org.junit.Rule;
import org.junit.Test;

public class LocalRegistryTlsTest {

    @Rule
    public LocalRegistry registry = LocalRegistry.tls();

    @Test
    public void shouldReadBackDigestOverHttps() throws Exception {
        String digest = registry.pushImage("secure/app", "v1", ManifestFormat.OCI_MANIFEST);

        assertThat(registry.baseUri().getScheme()).isEqualTo("https");
        assertThat(registry.isTls()).isTrue();
        assertThat(registry.headDigest("secure/app", "v1")).contains(digest);
    }

    @Test
    public void shouldExposeCaCertificateAsPemFile() throws Exception {
        X509Certificate fromPem;
        try (InputStream pem = Files.newInputStream(registry.caCertificatePem())) {
            fromPem = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }

        assertThat(fromPem).isEqualTo(registry.caCertificate());
        assertThat(fromPem.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(fromPem.getSubjectX500Principal()).isEqualTo(fromPem.getIssuerX500Principal());
    }

    @Test
    public void shouldVerifyServerCertificateForLocalhostAndLoopbackAddress() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(registry.sslContext())
                .build();

        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            URI uri = URI.create("https://" + host + ":" + registry.baseUri().getPort() + "/v2/");
            HttpResponse<Void> response =
                    client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(host).isEqualTo(200);
        }
    }

    @Test
    public void shouldRejectClientThatDoesNotTrustTheCa() {
        HttpClient untrusting =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request =
                HttpRequest.newBuilder(registry.baseUri().resolve("/v2/")).build();

        assertThatThrownBy(() -> untrusting.send(request, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("PKIX");
    }

    @Test
    public void shouldNotTrustAnotherRegistrysCa() {
        HttpClient trustingThisCa = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(registry.sslContext())
                .build();

        assertThatThrownBy(() -> RuleHarness.runInside(
                        LocalRegistry.tls(),
                        other -> trustingThisCa.send(
                                HttpRequest.newBuilder(other.baseUri().resolve("/v2/"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())))
                .isInstanceOf(SSLHandshakeException.class);
    }
}
