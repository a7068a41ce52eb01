package io.jenkins.plugins.imagestreams.registry.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.testing.proxy.ForwardProxy;
import io.jenkins.plugins.imagestreams.testing.proxy.ForwardProxy.Received;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The adapter through an HTTP proxy that requires Basic credentials: plain-HTTP registries through the proxy, TLS
 * registries through {@code CONNECT} tunnels, a wrong password as a typed failure, and a registry's own {@code 401}
 * left for the adapter to answer. No log record shows the proxy password.
 */
public class ProxyAuthenticationTest {
    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "pr0xy-s3cret-pw";

    @ClassRule
    public static final LocalRegistry plain = LocalRegistry.plain();

    @ClassRule
    public static final LocalRegistry tls = LocalRegistry.tls();

    @ClassRule
    public static final LocalRegistry htpasswd = LocalRegistry.htpasswd();

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(final LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final List<Logger> verbose =
            List.of(Logger.getLogger("org.apache.http"), Logger.getLogger("io.jenkins.plugins.imagestreams.registry"));
    private ForwardProxy proxy;

    @Before
    public void startProxyAndCaptureLogs() throws Exception {
        proxy = ForwardProxy.requiringBasic(PROXY_USER, PROXY_PASSWORD);
        capture.setLevel(Level.ALL);
        for (Logger logger : verbose) {
            logger.setLevel(Level.ALL);
            logger.addHandler(capture);
        }
    }

    @After
    public void stopProxyAndCheckLogs() throws Exception {
        proxy.close();
        for (Logger logger : verbose) {
            logger.removeHandler(capture);
            logger.setLevel(null);
        }
        assertThat(logged)
                .as("HttpClient's own debug log is captured, so the check below can fail")
                .anyMatch(r -> r.getLoggerName().startsWith("org.apache.http"));
        for (LogRecord record : logged) {
            Object[] parameters = record.getParameters() == null ? new Object[0] : record.getParameters();
            String text = record.getMessage() + " " + List.of(parameters) + " " + record.getThrown();
            assertThat(text).as(record.getLoggerName()).doesNotContain(PROXY_PASSWORD);
        }
    }

    private RegistryTransport throughProxy(final String password) {
        return RegistryTransport.DEFAULT.withProxy(
                proxy.address(), ProxyCredentials.of(PROXY_USER, password.toCharArray()));
    }

    private static RegistryTransport trusting(final RegistryTransport transport, final LocalRegistry registry) {
        return registry.isTls()
                ? transport.withCaCertificates(
                        ResolveContract.transport(registry).caCertificatesPem().orElseThrow())
                : transport.withInsecure(true);
    }

    private static Digest resolve(
            final LocalRegistry registry, final RegistryTransport transport, final RegistryCredentials credentials)
            throws RegistryException {
        return new JibRegistryClient(r -> trusting(transport, registry), Clock.systemUTC())
                .resolve(
                        ImageReference.parse(registry.imageReference("demo/app", "v1")),
                        credentials,
                        ResolveOptions.DEFAULT)
                .digest();
    }

    private long answered(final int status) {
        return proxy.received().stream().filter(r -> r.status() == status).count();
    }

    @Test
    public void shouldResolveFromPlainRegistryThroughTheAuthenticatingProxy() throws Exception {
        String pushed = plain.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);
        RegistryTransport transport = throughProxy(PROXY_PASSWORD);
        JibRegistryClient client = new JibRegistryClient(r -> trusting(transport, plain), Clock.systemUTC());
        ImageReference image = ImageReference.parse(plain.imageReference("demo/app", "v1"));

        for (int i = 0; i < 3; i++) {
            assertThat(client.resolve(image, RegistryCredentials.anonymous(), ResolveOptions.DEFAULT)
                            .digest())
                    .isEqualTo(Digest.parse(pushed));
        }

        List<Received> forwarded = proxy.received().stream()
                .filter(r -> r.target().startsWith("http://" + plain.hostAndPort() + "/v2/demo/app/manifests/v1"))
                .toList();
        assertThat(forwarded).hasSize(3).allSatisfy(r -> {
            assertThat(r.proxyAuthorization()).isTrue();
            assertThat(r.status()).isEqualTo(200);
        });
        assertThat(answered(407))
                .as("the 407 handshake is paid once per client")
                .isEqualTo(1);
    }

    @Test
    public void shouldResolveFromTlsRegistryThroughAnAuthenticatedConnectTunnel() throws Exception {
        String pushed = tls.pushImage("demo/app", "v1", ManifestFormat.DOCKER_SCHEMA2);

        assertThat(resolve(tls, throughProxy(PROXY_PASSWORD), RegistryCredentials.anonymous()))
                .isEqualTo(Digest.parse(pushed));

        assertThat(proxy.tunnels()).containsExactly(tls.hostAndPort());
        assertThat(proxy.received())
                .extracting(Received::method, Received::proxyAuthorization, Received::status)
                .containsExactly(tuple("CONNECT", false, 407), tuple("CONNECT", true, 200));
    }

    @Test
    public void shouldFailUnavailableNamingTheProxyButNotThePasswordWhenTheProxyRefusesIt() throws Exception {
        tls.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);

        assertThatThrownBy(() -> resolve(tls, throughProxy("wrong-pw-123"), RegistryCredentials.anonymous()))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).reason()).isEqualTo(ConditionReason.Unavailable))
                .hasMessage(tls.hostAndPort() + "/demo/app:v1: the HTTP proxy " + proxy.hostAndPort()
                        + " refused the credentials of proxy user '" + PROXY_USER
                        + "' (407 Proxy Authentication Required); no request reached the registry")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("wrong-pw-123"));
        assertThat(proxy.received().stream().filter(Received::proxyAuthorization))
                .as("the wrong password is sent once, not retried")
                .hasSize(1);
        assertThat(proxy.tunnels()).isEmpty();
    }

    @Test
    public void shouldFailUnavailableWhenAPlainRequestThroughTheProxyIsRefused() throws Exception {
        RegistryTransport transport = throughProxy("wrong-pw-123");
        URI uri = URI.create("http://" + plain.hostAndPort() + "/v2/");

        assertThatThrownBy(() -> HttpExchange.send(
                        new HttpClientPool().client(transport),
                        "GET",
                        uri,
                        Map.of(),
                        transport,
                        Deadline.in(Duration.ofSeconds(10)),
                        plain.hostAndPort()))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("the HTTP proxy " + proxy.hostAndPort() + " refused the credentials")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("wrong-pw-123"));
        assertThat(proxy.received())
                .extracting(Received::method, Received::proxyAuthorization, Received::status)
                .containsExactly(tuple("GET", false, 407), tuple("GET", true, 407));
    }

    @Test
    public void shouldLeaveTheRegistrysChallengeToTheAdapterEvenWhenTheProxyCredentialsWouldSatisfyIt()
            throws Exception {
        ForwardProxy sameCredentials = ForwardProxy.requiringBasic(htpasswd.username(), htpasswd.password());
        try (sameCredentials) {
            RegistryTransport transport = RegistryTransport.DEFAULT.withProxy(
                    sameCredentials.address(),
                    ProxyCredentials.of(htpasswd.username(), htpasswd.password().toCharArray()));

            RegistryResponse response = HttpExchange.send(
                    new HttpClientPool().client(transport),
                    "GET",
                    URI.create("http://" + htpasswd.hostAndPort() + "/v2/"),
                    Map.of(),
                    transport,
                    Deadline.in(Duration.ofSeconds(10)),
                    htpasswd.hostAndPort());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
            assertThat(sameCredentials.received())
                    .as("one request reached the registry, without Authorization: HttpClient did not answer the 401")
                    .filteredOn(r -> r.status() == 401)
                    .singleElement()
                    .satisfies(r -> assertThat(r.authorization()).isFalse());
            assertThat(sameCredentials.received()).noneMatch(r -> r.status() == 200);
        }
    }

    @Test
    public void shouldResolveFromBasicAuthRegistryThroughTheAuthenticatingProxy() throws Exception {
        String pushed = htpasswd.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);

        assertThat(resolve(
                        htpasswd,
                        throughProxy(PROXY_PASSWORD),
                        RegistryCredentials.usernamePassword(htpasswd.username(), htpasswd.password())))
                .isEqualTo(Digest.parse(pushed));

        assertThat(proxy.received())
                .as("the adapter answered the registry's 401 with the registry's credentials, once")
                .filteredOn(r -> r.target().startsWith("http://"))
                .extracting(Received::status)
                .containsExactly(401, 200);
        assertThat(proxy.received()).filteredOn(Received::authorization).hasSize(1);
    }
}
