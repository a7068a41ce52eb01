package io.jenkins.plugins.imagestreams.registry.jib;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.testing.faults.Fault;
import io.jenkins.plugins.imagestreams.testing.faults.FaultProxy;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/** Auth faults through the proxy in front of the real token-auth registry, whose token endpoint it routes. */
public class RegistryAuthFaultsTest {
    @ClassRule
    public static final LocalRegistry registry = LocalRegistry.token().withAnonymousPull();

    private static String pushed;

    private FaultProxy proxy;
    private FaultProxyHarness harness;

    @BeforeClass
    public static void push() throws Exception {
        pushed = registry.pushImage("demo/app", "v1", ManifestFormat.DOCKER_SCHEMA2);
    }

    @Before
    public void startProxy() throws Exception {
        proxy = FaultProxy.start(registry);
        harness = new FaultProxyHarness(
                proxy, RegistryCredentials.usernamePassword(registry.username(), registry.password()));
    }

    @After
    public void stopProxy() throws Exception {
        proxy.close();
    }

    @Test
    public void shouldFetchTokenThroughRoutedRealm() throws Exception {
        assertThat(harness.resolve("demo/app", "v1").digest()).isEqualTo(Digest.parse(pushed));
        assertThat(proxy.tokenRequests()).isEqualTo(1);
    }

    @Test
    public void shouldResolveAnonymouslyWithAnonymousBearerToken() throws Exception {
        FaultProxyHarness anonymous = new FaultProxyHarness(proxy, RegistryCredentials.anonymous());

        assertThat(anonymous.resolve("demo/app", "v1").digest()).isEqualTo(Digest.parse(pushed));
        assertThat(proxy.tokenRequests()).isEqualTo(1);
    }

    @Test
    public void shouldReportChangedChallengeAsUnauthorized() {
        proxy.inject(Fault.CHANGED_CHALLENGE);
        harness.assertFails("demo/app", "v1", ConditionReason.Unauthorized).hasMessageContaining("(401)");
    }

    @Test
    public void shouldReportFailingTokenEndpointAsUnavailable() {
        proxy.inject(Fault.TOKEN_ENDPOINT_500);
        harness.assertFails("demo/app", "v1", ConditionReason.Unavailable).hasMessageContaining("token endpoint");
    }

    @Test
    public void shouldReportAlwaysExpiredTokenAsUnauthorizedWithoutLooping() {
        proxy.inject(Fault.REJECT_TOKEN);
        harness.assertFails("demo/app", "v1", ConditionReason.Unauthorized);
        assertThat(proxy.tokenRequests()).isLessThanOrEqualTo(2);
        assertThat(proxy.count("HEAD", "manifests")).isLessThanOrEqualTo(3);
    }

    @Test
    public void shouldRenewExpiredTokenOnce() throws Exception {
        harness.resolve("demo/app", "v1");
        proxy.resetCounts();
        proxy.inject(Fault.REJECT_TOKEN_ONCE);

        assertThat(harness.resolve("demo/app", "v1").digest()).isEqualTo(Digest.parse(pushed));
        assertThat(proxy.tokenRequests()).isEqualTo(1);
        assertThat(proxy.count("HEAD", "manifests")).isEqualTo(2);
    }

    @Test
    public void shouldReportWrongPasswordAtTokenEndpointAsUnauthorized() {
        FaultProxyHarness wrong = new FaultProxyHarness(
                proxy, RegistryCredentials.usernamePassword(registry.username(), "wrong-secret-xyz"));
        wrong.assertFails("demo/app", "v1", ConditionReason.Unauthorized).hasMessageContaining("token endpoint");
    }
}
