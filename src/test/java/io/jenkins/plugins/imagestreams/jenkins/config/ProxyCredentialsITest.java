package io.jenkins.plugins.imagestreams.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ProxyConfiguration;
import hudson.Util;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.jenkins.polling.ManualPolling;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import io.jenkins.plugins.imagestreams.testing.proxy.ForwardProxy;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LoggerRule;

/**
 * Jenkins' proxy with a user name and password (Manage Jenkins → System → HTTP Proxy Configuration) reaches the
 * registry adapter: "Test connection" and imports go through a proxy that requires Basic credentials, a wrong
 * password is an Unavailable condition naming the proxy, a registry on the No Proxy Host list is reached directly,
 * and the password shows up in no page, condition or log record.
 */
public class ProxyCredentialsITest {
    static {
        ManualPolling.install();
    }

    private static final String USER = "jenkins-proxy-user";
    private static final String PASSWORD = "Pr0xy-pa55word-x9";
    private static final String WRONG_PASSWORD = "wr0ng-pa55word-y7";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public LocalRegistry tls = LocalRegistry.tls();

    @Rule
    public LoggerRule logs = new LoggerRule()
            .record("", Level.INFO)
            .record("io.jenkins.plugins.imagestreams", Level.ALL)
            .record("org.apache.http", Level.ALL)
            .capture(100_000);

    private ForwardProxy proxy;
    private String digest;
    private String image;

    @Before
    public void setUp() throws Exception {
        proxy = ForwardProxy.requiringBasic(USER, PASSWORD);
        digest = tls.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);
        image = tls.imageReference("demo/app", "v1");
        RegistryDefinition registry = new RegistryDefinition(tls.hostAndPort());
        registry.setCaCertificates(Files.readString(tls.caCertificatePem()));
        ImageStreamsConfiguration.get().setRegistries(List.of(registry));
    }

    @After
    public void noPasswordLogged() throws Exception {
        proxy.close();
        List<LogRecord> records = logs.getRecords();
        assertThat(records)
                .as("HttpClient's debug log is captured, so the check below can fail")
                .anyMatch(r -> r.getLoggerName().startsWith("org.apache.http"));
        for (LogRecord record : records) {
            Object[] parameters = record.getParameters() == null ? new Object[0] : record.getParameters();
            assertThat(record.getMessage() + " " + List.of(parameters) + " " + record.getThrown())
                    .as(record.getLoggerName())
                    .doesNotContain(PASSWORD, WRONG_PASSWORD);
        }
    }

    private void useProxy(final String password, final String noProxyHost) {
        j.jenkins.proxy = new ProxyConfiguration("127.0.0.1", proxy.port(), USER, password, noProxyHost);
    }

    private String testConnection() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            return TestConnectionEndpoint.post(j, web, Map.of("image", image, "allowedRegistries", ""))
                    .getWebResponse()
                    .getContentAsString();
        }
    }

    private TagCondition importOnce() throws Exception {
        ImageStreamDefinition stream = new ImageStreamDefinition("app");
        stream.setTags(List.of(new TagDefinition("v1", new RegistryImageSource(image))));
        ImageStreamsConfiguration.get().setStreams(List.of(stream));
        ManualPolling.runOnce();
        return ImageStreamsService.get()
                .streams()
                .tagStatus("app", "v1")
                .flatMap(TagHistory::condition)
                .orElseThrow();
    }

    @Test
    public void shouldTestConnectionAndImportThroughTheProxyWithJenkinsProxyCredentials() throws Exception {
        useProxy(PASSWORD, null);

        assertThat(testConnection()).contains(image + " resolves to " + digest);
        assertThat(importOnce().status()).isTrue();
        assertThat(ImageStreamsService.get()
                        .streams()
                        .current("app", "v1")
                        .map(e -> e.digest().toString()))
                .contains(digest);

        assertThat(proxy.tunnels()).isNotEmpty().containsOnly(tls.hostAndPort());
        assertThat(proxy.received())
                .filteredOn(r -> r.status() == 200)
                .allSatisfy(r -> assertThat(r.proxyAuthorization()).isTrue());
    }

    @Test
    public void shouldReportAWrongProxyPasswordAsUnavailableNamingTheProxyButNotThePassword() throws Exception {
        useProxy(WRONG_PASSWORD, null);
        String refused = "the HTTP proxy " + proxy.hostAndPort() + " refused the credentials of proxy user '" + USER
                + "' (407 Proxy Authentication Required)";

        assertThat(testConnection())
                .contains(Util.escape("Unavailable: " + image + ": " + refused))
                .doesNotContain(WRONG_PASSWORD, PASSWORD, digest);

        TagCondition condition = importOnce();
        assertThat(condition.status()).isFalse();
        assertThat(condition.reason()).contains(ConditionReason.Unavailable);
        assertThat(condition.message()).contains(refused).doesNotContain(WRONG_PASSWORD);
        assertThat(proxy.tunnels()).isEmpty();
    }

    @Test
    public void shouldReachARegistryOnTheNoProxyListDirectly() throws Exception {
        useProxy(PASSWORD, "localhost\n127.0.0.*");

        assertThat(testConnection()).contains(image + " resolves to " + digest);
        assertThat(importOnce().status()).isTrue();

        assertThat(proxy.received()).isEmpty();
    }
}
