package io.jenkins.plugins.imagestreams.registry.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import io.jenkins.plugins.imagestreams.testing.faults.Fault;
import io.jenkins.plugins.imagestreams.testing.faults.FaultProxy;
import io.jenkins.plugins.imagestreams.testing.registry.IndexFormat;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Every transport and content fault of the fault proxy, in front of the real htpasswd registry with basic
 * credentials: each gives its typed failure, within the deadline, naming the reference and never the password.
 */
public class RegistryFaultsTest {
    @ClassRule
    public static final LocalRegistry registry = LocalRegistry.htpasswd();

    private static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");
    private static String single;
    private static String index;

    private FaultProxy proxy;
    private FaultProxyHarness harness;

    @BeforeClass
    public static void push() throws Exception {
        single = registry.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);
        index = registry.pushIndex("demo/app", "multi", IndexFormat.OCI_INDEX, "linux/amd64", "linux/arm64")
                .digest();
    }

    @Before
    public void startProxy() throws Exception {
        proxy = FaultProxy.start(registry);
        RegistryCredentials credentials =
                RegistryCredentials.usernamePassword(registry.username(), registry.password());
        harness = new FaultProxyHarness(
                proxy, credentials, Clock.fixed(NOW, ZoneOffset.UTC), FaultProxyHarness.READ_TIMEOUT);
    }

    @After
    public void stopProxy() throws Exception {
        proxy.close();
    }

    @Test
    public void shouldResolveThroughProxyWithoutFaults() throws Exception {
        assertThat(harness.resolve("demo/app", "v1").digest()).isEqualTo(Digest.parse(single));
    }

    @Test
    public void shouldReportJson500AsUnavailable() {
        proxy.inject(Fault.STATUS_500_JSON);
        harness.assertFails("demo/app", "v1", ConditionReason.Unavailable).hasMessageContaining("unavailable (500)");
    }

    @Test
    public void shouldReportHtml502AsUnavailable() {
        proxy.inject(Fault.STATUS_502_HTML);
        harness.assertFails("demo/app", "v1", ConditionReason.Unavailable).hasMessageContaining("(502)");
    }

    @Test
    public void shouldReportJson503AsUnavailable() {
        proxy.inject(Fault.STATUS_503_JSON);
        harness.assertFails("demo/app", "v1", ConditionReason.Unavailable).hasMessageContaining("unavailable (503)");
    }

    @Test
    public void shouldReportRetryAfterSecondsAsInstant() {
        proxy.inject(Fault.RATE_LIMIT_SECONDS);
        harness.assertFails("demo/app", "v1", ConditionReason.RateLimited)
                .satisfies(e -> assertThat(((RegistryException) e).retryAfter()).contains(NOW.plusSeconds(2)));
    }

    @Test
    public void shouldReportRetryAfterHttpDateAsInstant() {
        proxy.inject(Fault.RATE_LIMIT_DATE);
        Instant now = Instant.now();
        harness.assertFails("demo/app", "v1", ConditionReason.RateLimited)
                .satisfies(e -> assertThat(((RegistryException) e).retryAfter())
                        // the proxy dates its answer when it sends it: the window ends a minute after the call returned
                        .hasValueSatisfying(at -> assertThat(at)
                                .isBetween(now.plusSeconds(55), Instant.now().plusSeconds(61))));
    }

    @Test
    public void shouldReportRateLimitWithoutRetryAfter() {
        proxy.inject(Fault.RATE_LIMIT_NONE);
        harness.assertFails("demo/app", "v1", ConditionReason.RateLimited)
                .hasMessageContaining("rate limited (429)")
                .satisfies(e -> assertThat(((RegistryException) e).retryAfter()).isEmpty());
    }

    @Test
    public void shouldTimeOutSlowStatusLine() {
        proxy.inject(Fault.SLOW_STATUS_LINE);
        harness.assertFails("demo/app", "v1", ConditionReason.Unavailable).hasMessageContaining("no complete answer");
    }

    @Test
    public void shouldStopAtDeadlineEvenWithLongReadTimeout() {
        proxy.inject(Fault.SLOW_STATUS_LINE);
        harness = new FaultProxyHarness(
                proxy,
                RegistryCredentials.usernamePassword(registry.username(), registry.password()),
                Clock.systemUTC(),
                Duration.ofSeconds(60));
        harness.assertFails("demo/app", "v1", ConditionReason.Unavailable);
    }

    @Test
    public void shouldTimeOutStalledBody() {
        proxy.inject(Fault.STALLED_BODY);
        harness.assertFails("demo/app", "multi", ConditionReason.Unavailable);
    }

    @Test
    public void shouldReportDroppedConnectionAsUnavailable() {
        proxy.inject(Fault.DROP_CONNECTION);
        harness.assertFails("demo/app", "v1", ConditionReason.Unavailable).hasMessageContaining("could not be reached");
    }

    @Test
    public void shouldReportConnectionDroppedInHeadersAsUnavailable() {
        proxy.inject(Fault.DROP_MID_HEADERS);
        harness.assertFails("demo/app", "v1", ConditionReason.Unavailable);
    }

    @Test
    public void shouldReportResetAsUnavailable() {
        proxy.inject(Fault.RESET);
        harness.assertFails("demo/app", "v1", ConditionReason.Unavailable);
    }

    @Test
    public void shouldHashBodyWhenDigestMissingButEtagKept() throws Exception {
        proxy.inject(Fault.NO_DIGEST_KEEP_ETAG);
        assertThat(harness.resolve("demo/app", "v1").digest()).isEqualTo(Digest.parse(single));
        assertThat(proxy.count("GET", "manifests")).isEqualTo(1);
    }

    @Test
    public void shouldHashBodyWhenDigestAndEtagMissing() throws Exception {
        harness.resolve("demo/app", "v1");
        proxy.resetCounts();
        proxy.inject(Fault.NO_DIGEST_NO_ETAG);
        ResolvedImage resolved = harness.resolve("demo/app", "multi");
        assertThat(resolved.digest()).isEqualTo(Digest.parse(index));
        assertThat(resolved.platformDigests()).containsOnlyKeys("linux/amd64", "linux/arm64");
        assertThat(proxy.count("HEAD", "manifests")).isEqualTo(1);
        assertThat(proxy.count("GET", "manifests")).isEqualTo(1);
    }

    @Test
    public void shouldRejectDigestThatDiffersFromBody() {
        proxy.inject(Fault.WRONG_DIGEST);
        harness.assertFails("demo/app", "multi", ConditionReason.InvalidManifest)
                .hasMessageContaining("is not the body's digest");
    }

    @Test
    public void shouldRejectOtherDigestForDigestReference() {
        proxy.inject(Fault.WRONG_DIGEST);
        harness.assertFails("demo/app", single, ConditionReason.InvalidManifest);
    }

    @Test
    public void shouldRejectMalformedDigest() {
        proxy.inject(Fault.MALFORMED_DIGEST);
        harness.assertFails("demo/app", "v1", ConditionReason.InvalidManifest).hasMessageContaining("malformed");
    }

    @Test
    public void shouldRejectMd5Digest() {
        proxy.inject(Fault.MD5_DIGEST);
        harness.assertFails("demo/app", "v1", ConditionReason.InvalidManifest);
    }

    @Test
    public void shouldRejectWrongContentType() {
        proxy.inject(Fault.WRONG_CONTENT_TYPE);
        harness.assertFails("demo/app", "v1", ConditionReason.InvalidManifest).hasMessageContaining("application/json");
    }

    @Test
    public void shouldRejectChildContentTypeOnIndexBody() {
        proxy.inject(Fault.CHILD_CONTENT_TYPE, Fault.NO_DIGEST_NO_ETAG);
        harness.assertFails("demo/app", "multi", ConditionReason.InvalidManifest)
                .hasMessageContaining("but the manifest says application/vnd.oci.image.index.v1+json");
    }

    @Test
    public void shouldSurfaceDockerHubRateLimitRemaining() throws Exception {
        proxy.inject(Fault.RATELIMIT_HEADERS);
        assertThat(harness.resolve("demo/app", "v1").rateLimitRemaining()).hasValue(76);
    }

    @Test
    public void shouldReportUnknownTagAsNotFound() {
        harness.assertFails("demo/app", "nope", ConditionReason.NotFound).hasMessageContaining("not found (404)");
    }

    @Test
    public void shouldReportWrongPasswordAsUnauthorizedWithoutShowingIt() {
        FaultProxyHarness wrong = new FaultProxyHarness(
                proxy, RegistryCredentials.usernamePassword(registry.username(), "wrong-secret-xyz"));
        wrong.assertFails("demo/app", "v1", ConditionReason.Unauthorized);
    }

    @Test
    public void shouldReportAnonymousAccessAsUnauthorized() {
        assertThatThrownBy(
                        () -> new FaultProxyHarness(proxy, RegistryCredentials.anonymous()).resolve("demo/app", "v1"))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).reason()).isEqualTo(ConditionReason.Unauthorized));
    }

    @Test
    public void shouldFollowSameOriginRedirectWithCredentials() throws Exception {
        proxy.inject(Fault.REDIRECT_SAME_ORIGIN);
        assertThat(harness.resolve("demo/app", "v1").digest()).isEqualTo(Digest.parse(single));
        // the first, anonymous request learns the challenge; the authorised one is followed with its credentials
        assertThat(proxy.redirected(true)).isPositive();
    }

    @Test
    public void shouldNotSendCredentialsAcrossOriginsOnRedirect() {
        proxy.inject(Fault.REDIRECT_OTHER_ORIGIN);
        // the other origin asks for credentials the client will not send it: a refusal, not a leak
        harness.assertFails("demo/app", "v1", ConditionReason.Unauthorized);
        assertThat(proxy.redirected(false)).isPositive();
        assertThat(proxy.redirected(true)).isZero();
    }

    @Test
    public void shouldRefuseOversizedManifestBodyWithoutBufferingIt() {
        proxy.inject(Fault.NO_DIGEST_NO_ETAG, Fault.OVERSIZED_BODY);
        harness.assertFails("demo/app", "v1", ConditionReason.InvalidManifest)
                .hasMessageContaining("larger than " + HttpExchange.MAX_BODY_BYTES + " bytes");
    }
}
