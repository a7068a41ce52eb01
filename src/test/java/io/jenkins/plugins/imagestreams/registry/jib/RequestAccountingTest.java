package io.jenkins.plugins.imagestreams.registry.jib;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import io.jenkins.plugins.imagestreams.testing.faults.FaultProxy;
import io.jenkins.plugins.imagestreams.testing.registry.IndexFormat;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

/** Requests counted by the proxy in front of the real token-auth registry: what a poll costs. */
public class RequestAccountingTest {
    @ClassRule
    public static final LocalRegistry registry = LocalRegistry.token();

    private FaultProxy proxy;
    private FaultProxyHarness harness;

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
    public void shouldCostOneHeadAndNoGetForUnchangedTag() throws Exception {
        String pushed = registry.pushImage("count/app", "v1", ManifestFormat.OCI_MANIFEST);
        ResolvedImage first = harness.resolve("count/app", "v1");
        proxy.resetCounts();

        ResolvedImage again =
                harness.resolve("count/app", "v1", FaultProxyHarness.OPTIONS.withKnownDigest(first.digest()));

        assertThat(again.digest()).isEqualTo(Digest.parse(pushed));
        assertThat(proxy.count("HEAD", "manifests")).isEqualTo(1);
        assertThat(proxy.count("GET", "manifests")).isZero();
        assertThat(proxy.tokenRequests()).isZero();
    }

    @Test
    public void shouldCostOneHeadAndNoGetForUnchangedIndex() throws Exception {
        String pushed = registry.pushIndex("count/multi", "v1", IndexFormat.OCI_INDEX, "linux/amd64", "linux/arm64")
                .digest();
        harness.resolve("count/multi", "v1");
        proxy.resetCounts();

        ResolvedImage again =
                harness.resolve("count/multi", "v1", FaultProxyHarness.OPTIONS.withKnownDigest(Digest.parse(pushed)));

        assertThat(again.childrenRead()).isFalse();
        assertThat(proxy.count("HEAD", "manifests")).isEqualTo(1);
        assertThat(proxy.count("GET", "manifests")).isZero();
    }

    @Test
    public void shouldReadIndexChildrenWithOneGetWhenDigestIsNew() throws Exception {
        registry.pushIndex("count/moved", "v1", IndexFormat.DOCKER_MANIFEST_LIST, "linux/amd64");
        harness.resolve("count/moved", "v1");
        proxy.resetCounts();

        ResolvedImage resolved = harness.resolve("count/moved", "v1");

        assertThat(resolved.childrenRead()).isTrue();
        assertThat(proxy.count("HEAD", "manifests")).isEqualTo(1);
        assertThat(proxy.count("GET", "manifests")).isEqualTo(1);
    }

    @Test
    public void shouldMakeAtMostOneTokenRequestForHundredTagsOfOneRepository() throws Exception {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            registry.pushImage("count/many", "t" + i, ManifestFormat.OCI_MANIFEST);
            tags.add("t" + i);
        }
        proxy.resetCounts();
        harness = new FaultProxyHarness(
                proxy, RegistryCredentials.usernamePassword(registry.username(), registry.password()));

        for (String tag : tags) {
            harness.resolve("count/many", tag);
        }

        assertThat(proxy.tokenRequests()).isLessThanOrEqualTo(1);
        // a fresh client: the first HEAD learns the bearer challenge (401), every later one carries the token
        assertThat(proxy.count("HEAD", "manifests")).isEqualTo(101);
        assertThat(proxy.count("GET", "manifests")).isZero();
    }
}
