package io.jenkins.plugins.imagestreams.core.triggering;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** The per-job steps of the {@link Triggerer}: repair and plan, then persist, schedule and confirm. */
final class JobTrigger {
    private final SubscriptionStore store;
    private final BuildScheduler scheduler;

    JobTrigger(final SubscriptionStore store, final BuildScheduler scheduler) {
        this.store = store;
        this.scheduler = scheduler;
    }

    /**
     * Loads the job's states, repairs unconfirmed ones from the job's record, records baselines, and decides
     * each subscription.
     */
    JobPlan plan(
            final String job,
            final List<Subscription> subscriptions,
            final BiFunction<Subscription, Optional<SubscriptionState>, TriggerDecision> decide) {
        Map<SubscriptionKey, SubscriptionState> stored = store.load(job);
        Map<SubscriptionKey, SubscriptionState> changed = new LinkedHashMap<>();
        List<SubscriptionOutcome> outcomes = new ArrayList<>();
        for (Subscription sub : subscriptions) {
            Optional<SubscriptionState> state = Optional.ofNullable(stored.get(sub.key()));
            if (state.isPresent() && !state.get().confirmed()) {
                SubscriptionState repaired = repair(sub, state.get());
                changed.put(sub.key(), repaired);
                state = Optional.of(repaired);
            }
            TriggerDecision decision = decide.apply(sub, state);
            if (decision.reason() == TriggerReason.BASELINE) {
                changed.put(
                        sub.key(), SubscriptionState.baseline(decision.cause().map(TriggerCause::digest)));
            }
            outcomes.add(new SubscriptionOutcome(sub, decision));
        }
        if (!changed.isEmpty()) {
            store.save(job, changed);
        }
        return new JobPlan(job, outcomes);
    }

    private SubscriptionState repair(final Subscription sub, final SubscriptionState pending) {
        Digest digest = pending.lastTriggeredDigest().orElseThrow();
        return scheduler.alreadyScheduledOrBuilt(sub.jobFullName(), sub.stream(), sub.tag(), digest)
                ? pending.confirm()
                : pending.revert();
    }

    /** Persists, schedules and confirms the ready subscriptions of a job, in that order. */
    List<SubscriptionOutcome> fire(final JobPlan plan, final Instant now, final List<TriggerRequest> scheduled) {
        String job = plan.job();
        Map<SubscriptionKey, SubscriptionState> pending = new HashMap<>();
        Map<SubscriptionKey, SubscriptionState> states = new HashMap<>();
        List<TriggerCause> causes = new ArrayList<>();
        Map<SubscriptionKey, TriggerReason> reasons = new HashMap<>();
        for (SubscriptionOutcome ready : plan.ready()) {
            TriggerCause cause = ready.decision().cause().orElseThrow();
            SubscriptionKey key = ready.subscription().key();
            if (scheduler.alreadyScheduledOrBuilt(job, cause.stream(), cause.tag(), cause.digest())) {
                states.put(key, SubscriptionState.triggered(cause.digest(), now));
                reasons.put(key, TriggerReason.ALREADY_SCHEDULED);
            } else {
                pending.put(key, SubscriptionState.pending(cause.digest(), cause.previousDigest(), now));
                causes.add(cause);
            }
        }
        states.putAll(pending);
        store.save(job, states);
        if (!causes.isEmpty()) {
            if (!scheduler.schedule(job, causes)) {
                pending.keySet().forEach(k -> reasons.put(k, TriggerReason.REFUSED));
                return outcomes(plan, reasons);
            }
            scheduled.add(new TriggerRequest(job, causes));
            Map<SubscriptionKey, SubscriptionState> confirmed = new HashMap<>();
            pending.forEach((key, state) -> confirmed.put(key, state.confirm()));
            store.save(job, confirmed);
        }
        return outcomes(plan, reasons);
    }

    private static List<SubscriptionOutcome> outcomes(
            final JobPlan plan, final Map<SubscriptionKey, TriggerReason> notFired) {
        return plan.outcomes().stream()
                .map(o -> {
                    if (!o.decision().ready()) {
                        return o;
                    }
                    TriggerReason reason = notFired.get(o.subscription().key());
                    TriggerDecision decision = reason == null
                            ? o.decision().with(true, o.decision().reason(), Duration.ZERO)
                            : o.decision().with(false, reason, Duration.ZERO);
                    return new SubscriptionOutcome(o.subscription(), decision);
                })
                .toList();
    }
}
