package io.jenkins.plugins.imagestreams.registry.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import io.jenkins.plugins.imagestreams.testing.faults.FaultProxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;

/** A client aimed at a {@link FaultProxy}, with a short deadline, and the assertions every fault test makes. */
final class FaultProxyHarness {
    static final Duration DEADLINE = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SLACK = Duration.ofMillis(750);
    static final ResolveOptions OPTIONS = new ResolveOptions(Optional.empty(), false, DEADLINE, 10);

    private final FaultProxy proxy;
    private final RegistryCredentials credentials;
    private final JibRegistryClient client;
    private final String secret;

    FaultProxyHarness(FaultProxy proxy, RegistryCredentials credentials, Clock clock, Duration readTimeout) {
        this.proxy = proxy;
        this.credentials = credentials;
        this.secret = credentials.secret().orElse("no secret");
        this.client = new JibRegistryClient(
                registry ->
                        RegistryTransport.DEFAULT.withInsecure(true).withTimeouts(Duration.ofSeconds(1), readTimeout),
                clock);
    }

    FaultProxyHarness(FaultProxy proxy, RegistryCredentials credentials) {
        this(proxy, credentials, Clock.systemUTC(), READ_TIMEOUT);
    }

    JibRegistryClient client() {
        return client;
    }

    ResolvedImage resolve(String repository, String reference) throws RegistryException {
        return resolve(repository, reference, OPTIONS);
    }

    ResolvedImage resolve(String repository, String reference, ResolveOptions options) throws RegistryException {
        return client.resolve(ImageReference.parse(proxy.imageReference(repository, reference)), credentials, options);
    }

    /**
     * Asserts that resolving fails with the reason, within the deadline, with a message that names the reference
     * and shows no secret.
     */
    AbstractThrowableAssert<?, ? extends Throwable> assertFails(
            String repository, String reference, ConditionReason reason) {
        long start = System.nanoTime();
        AbstractThrowableAssert<?, ? extends Throwable> failure = assertThatThrownBy(
                        () -> resolve(repository, reference))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).reason()).isEqualTo(reason))
                .hasMessageContaining(proxy.hostAndPort() + "/" + repository)
                .satisfies(
                        e -> assertThat(e.getMessage() + " " + e).doesNotContain(secret, "Bearer ", "Basic ", "eyJ"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(SLACK));
        return failure;
    }
}
