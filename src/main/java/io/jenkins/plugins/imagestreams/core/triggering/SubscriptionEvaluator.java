package io.jenkins.plugins.imagestreams.core.triggering;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision for one subscription, as a pure function of its state, the stream's spec, the tag's status and the
 * time. It fires if and only if the current digest differs from the last triggered one, after, in order:
 *
 * <ol>
 *   <li>the first-run policy, when no state is stored ({@link TriggerReason#BASELINE} or
 *       {@link TriggerReason#FIRST_RUN});
 *   <li>no change ({@link TriggerReason#NO_CHANGE}, {@link TriggerReason#NO_DIGEST});
 *   <li>pause ({@link TriggerReason#PAUSED});
 *   <li>the platform filter: the subscription's platforms, else the tag's import policy's; when each selected
 *       platform's image equals the last triggered entry's, {@link TriggerReason#PLATFORMS_UNCHANGED};
 *   <li>the cool-down, counted from when the tag was set to the digest ({@link TriggerReason#COOLING_DOWN}).
 * </ol>
 *
 * <p>The quiet period and storm throttling are decided per job and per stream by the {@link Triggerer}.
 */
public final class SubscriptionEvaluator {
    private final TriggerPolicy policy;

    /**
     * Creates the evaluator.
     *
     * @param policy first run and cool-down
     */
    public SubscriptionEvaluator(final TriggerPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Decides for one subscription.
     *
     * @param subscription the subscription
     * @param state its stored (or repaired) state; empty on its first evaluation
     * @param spec the stream's spec; empty when the stream is not defined
     * @param status the status of the subscribed tag (of its target, for an alias); empty when it has none
     * @param now the time of the decision
     * @return a ready decision ({@link TriggerDecision#ready()}) with its cause, or why not
     */
    public TriggerDecision decide(
            final Subscription subscription,
            final Optional<SubscriptionState> state,
            final Optional<ImageStream> spec,
            final Optional<TagHistory> status,
            final Instant now) {
        if (spec.isEmpty()) {
            return TriggerDecision.hold(TriggerReason.UNKNOWN_STREAM);
        }
        Optional<TagEvent> current = status.flatMap(TagHistory::current);
        if (state.isEmpty() && policy.firstRun() == FirstRunPolicy.WAIT_FOR_CHANGE) {
            return new TriggerDecision(
                    false,
                    TriggerReason.BASELINE,
                    Duration.ZERO,
                    current.map(e -> cause(subscription, e, Optional.empty())));
        }
        if (current.isEmpty()) {
            return TriggerDecision.hold(TriggerReason.NO_DIGEST);
        }
        Optional<Digest> last = state.flatMap(SubscriptionState::lastTriggeredDigest);
        TagEvent event = current.get();
        if (last.equals(Optional.of(event.digest()))) {
            return TriggerDecision.hold(TriggerReason.NO_CHANGE);
        }
        if (spec.get().paused()) {
            return TriggerDecision.hold(TriggerReason.PAUSED);
        }
        List<Platform> platforms = platforms(subscription, spec.get());
        Optional<TagEvent> lastEvent = last.flatMap(d -> status.flatMap(h -> h.find(d)));
        if (!platforms.isEmpty() && lastEvent.isPresent() && lastEvent.get().sameFor(platforms, event)) {
            return TriggerDecision.hold(TriggerReason.PLATFORMS_UNCHANGED);
        }
        TriggerCause cause = cause(subscription, event, last);
        TriggerReason reason = state.isEmpty() ? TriggerReason.FIRST_RUN : TriggerReason.CHANGED;
        Duration age = Duration.between(event.created(), now);
        if (age.compareTo(policy.cooldown()) < 0) {
            return new TriggerDecision(
                    false, TriggerReason.COOLING_DOWN, policy.cooldown().minus(age), Optional.of(cause));
        }
        return new TriggerDecision(false, reason, Duration.ZERO, Optional.of(cause));
    }

    private static TriggerCause cause(
            final Subscription subscription, final TagEvent event, final Optional<Digest> last) {
        return new TriggerCause(
                subscription.stream(),
                subscription.tag(),
                last,
                event.digest(),
                event.pullSpec(),
                event.cause(),
                event.created());
    }

    private static List<Platform> platforms(final Subscription subscription, final ImageStream spec) {
        if (!subscription.platforms().isEmpty()) {
            return subscription.platforms();
        }
        return spec.tag(spec.resolveAlias(subscription.tag()))
                .map(TagReference::importPolicy)
                .map(p -> p.platforms())
                .orElse(List.of());
    }
}
