package io.jenkins.plugins.imagestreams.core.triggering;

import io.jenkins.plugins.imagestreams.core.ImageStreamSpecs;
import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Evaluates every subscription against the current status and schedules the builds: level-driven, so it can
 * run at any time (at startup, after every import, on a timer) and a run repeats nothing a previous run did.
 *
 * <p>Per job: stored states are loaded; unconfirmed ones are repaired from the job's own record
 * ({@link BuildScheduler#alreadyScheduledOrBuilt}); each subscription is decided by the
 * {@link SubscriptionEvaluator}; the ready ones wait for the job's quiet period, then for room in each of their
 * streams' {@link StormThrottle}, and are scheduled together as one {@link TriggerRequest} with one cause per tag.
 *
 * <p>Scheduling order, which loses and duplicates nothing across crashes (docs/developer/triggering.md):
 *
 * <ol>
 *   <li>persist the new states as unconfirmed (with the previous digest);
 *   <li>call {@link BuildScheduler#schedule} for the causes the job does not already have;
 *   <li>persist the states as confirmed.
 * </ol>
 *
 * A crash after 1 leaves unconfirmed states: the next evaluation asks the job's record, confirms what was
 * scheduled and schedules again what was not. Jobs are served in the order their oldest pending change
 * happened, so staggered jobs go first later. Not thread-safe: evaluations are serialised.
 */
public final class Triggerer {
    private final ImageStreams service;
    private final ImageStreamSpecs specs;
    private final SubscriptionSource subscriptions;
    private final SubscriptionStore store;
    private final JobTrigger jobs;
    private final SubscriptionEvaluator evaluator;
    private final StormThrottle throttle;
    private final TriggerPolicy policy;
    private final Clock clock;

    /**
     * Creates the triggerer.
     *
     * @param service the service whose status is read
     * @param specs the stream specs (pause, platforms)
     * @param subscriptions lists the subscriptions
     * @param store keeps the subscription states
     * @param scheduler starts builds and knows what each job already has
     * @param policy first run, cool-down, quiet period and throttle
     * @param clock the time source
     */
    public Triggerer(
            final ImageStreams service,
            final ImageStreamSpecs specs,
            final SubscriptionSource subscriptions,
            final SubscriptionStore store,
            final BuildScheduler scheduler,
            final TriggerPolicy policy,
            final Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.specs = Objects.requireNonNull(specs, "specs");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.evaluator = new SubscriptionEvaluator(policy);
        this.throttle = new StormThrottle(policy.runsPerStreamPerMinute());
        this.jobs = new JobTrigger(store, scheduler);
    }

    /**
     * Evaluates every subscription once.
     *
     * @return the decisions, the scheduled requests and the failures; a job whose store or scheduler failed is
     *     reported and repaired at the next evaluation, the other jobs are still served
     */
    public synchronized TriggerReport evaluate() {
        Instant now = clock.instant();
        Map<String, ImageStream> streams = specsByName();
        List<JobPlan> plans = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<Subscription>> job : byJob().entrySet()) {
            try {
                plans.add(jobs.plan(
                        job.getKey(),
                        job.getValue(),
                        (sub, state) -> evaluator.decide(
                                sub,
                                state,
                                Optional.ofNullable(streams.get(sub.stream())),
                                status(streams, sub),
                                now)));
            } catch (RuntimeException e) {
                failures.add(job.getKey() + ": " + e);
            }
        }
        plans.sort(Comparator.comparing((JobPlan p) -> p.oldestReadyChange().orElse(Instant.MAX))
                .thenComparing(JobPlan::job));
        List<SubscriptionOutcome> outcomes = new ArrayList<>();
        List<TriggerRequest> scheduled = new ArrayList<>();
        for (JobPlan plan : plans) {
            outcomes.addAll(finish(plan, now, scheduled, failures));
        }
        return new TriggerReport(now, outcomes, scheduled, failures, nextDelay(outcomes));
    }

    /**
     * Records the digests used by a build that this triggerer did not start (a manual, timer or SCM build of a
     * subscribed job), so that the next evaluation does not trigger them again. For each of the job's
     * subscriptions whose tag has a digest: the job's own record is written first ({@code jobRecord}, e.g. an
     * action saved with the build), then the state, confirmed, with that digest as the last triggered one.
     *
     * <p>A crash after the job's record and before the state leaves the old state: the next evaluation finds
     * the digest in the job's record ({@link BuildScheduler#alreadyScheduledOrBuilt}) and confirms it without
     * scheduling. A crash before the job's record loses the record; the build itself was interrupted, and the
     * change is triggered once.
     *
     * @param job the job's full name
     * @param jobRecord writes the digests into the job's own record; called once, only when there is one
     * @return one entry per subscribed tag that has a digest, with the previously triggered digest, the pull
     *     spec and what moved the tag; empty when the job has no subscription or no digest yet
     * @throws SubscriptionStoreException if the states cannot be written (the job's record was written)
     */
    public synchronized List<TriggerCause> recordBuild(final String job, final Consumer<List<TriggerCause>> jobRecord) {
        Map<SubscriptionKey, Subscription> distinct = new LinkedHashMap<>();
        subscriptions.of(job).forEach(s -> distinct.putIfAbsent(s.key(), s));
        if (distinct.isEmpty()) {
            return List.of();
        }
        Map<String, ImageStream> streams = specsByName();
        Map<SubscriptionKey, SubscriptionState> stored = store.load(job);
        Instant now = clock.instant();
        List<TriggerCause> used = new ArrayList<>();
        Map<SubscriptionKey, SubscriptionState> states = new HashMap<>();
        for (Subscription sub : distinct.values()) {
            Optional<TagEvent> current = status(streams, sub).flatMap(TagHistory::current);
            if (current.isEmpty()) {
                continue;
            }
            TagEvent event = current.get();
            Optional<SubscriptionState> state = Optional.ofNullable(stored.get(sub.key()));
            Optional<Digest> last = state.flatMap(SubscriptionState::lastTriggeredDigest);
            used.add(new TriggerCause(
                    sub.stream(), sub.tag(), last, event.digest(), event.pullSpec(), event.cause(), event.created()));
            if (state.isEmpty() || !state.get().confirmed() || !last.equals(Optional.of(event.digest()))) {
                states.put(sub.key(), SubscriptionState.triggered(event.digest(), now));
            }
        }
        if (used.isEmpty()) {
            return List.of();
        }
        jobRecord.accept(List.copyOf(used));
        if (!states.isEmpty()) {
            store.save(job, states);
        }
        return List.copyOf(used);
    }

    /**
     * Follows a job that was renamed or moved: its states move to the new name, so that nothing is triggered
     * again and no first-run baseline is taken. Serialised with {@link #evaluate()}.
     *
     * @param oldJobFullName the full name before
     * @param newJobFullName the full name after
     * @throws SubscriptionStoreException if the states cannot be moved
     */
    public synchronized void jobRenamed(final String oldJobFullName, final String newJobFullName) {
        store.rename(oldJobFullName, newJobFullName);
    }

    /**
     * Forgets a deleted job's states, so that a new job of the same name starts with its first-run policy.
     * Serialised with {@link #evaluate()}.
     *
     * @param jobFullName the full name
     * @throws SubscriptionStoreException if the states cannot be removed
     */
    public synchronized void jobDeleted(final String jobFullName) {
        store.remove(jobFullName);
    }

    private Map<String, ImageStream> specsByName() {
        Map<String, ImageStream> streams = new HashMap<>();
        specs.all().forEach(s -> streams.put(s.name(), s));
        return streams;
    }

    private Map<String, List<Subscription>> byJob() {
        Map<String, Map<SubscriptionKey, Subscription>> grouped = new TreeMap<>();
        for (Subscription sub : subscriptions.all()) {
            grouped.computeIfAbsent(sub.jobFullName(), j -> new LinkedHashMap<>())
                    .putIfAbsent(sub.key(), sub);
        }
        Map<String, List<Subscription>> result = new TreeMap<>();
        grouped.forEach((job, subs) -> result.put(job, List.copyOf(subs.values())));
        return result;
    }

    private Optional<TagHistory> status(final Map<String, ImageStream> streams, final Subscription sub) {
        ImageStream spec = streams.get(sub.stream());
        if (spec == null) {
            return Optional.empty();
        }
        return service.status(sub.stream()).tag(spec.resolveAlias(sub.tag()));
    }

    private List<SubscriptionOutcome> finish(
            final JobPlan plan, final Instant now, final List<TriggerRequest> scheduled, final List<String> failures) {
        List<SubscriptionOutcome> ready = plan.ready();
        if (ready.isEmpty()) {
            return plan.outcomes();
        }
        Instant quietEnd = plan.newestReadyChange().orElseThrow().plus(policy.quietPeriod());
        Instant capEnd = plan.oldestReadyChange().orElseThrow().plus(policy.maxQuietWait());
        Instant fireAt = quietEnd.isBefore(capEnd) ? quietEnd : capEnd;
        if (now.isBefore(fireAt)) {
            return postpone(plan, TriggerReason.QUIET_PERIOD, Duration.between(now, fireAt));
        }
        List<String> streams =
                ready.stream().map(o -> o.subscription().stream()).distinct().toList();
        Duration wait = throttle.waitTime(streams, now);
        if (!wait.isZero()) {
            return postpone(plan, TriggerReason.STAGGERED, wait);
        }
        throttle.acquire(streams, now);
        try {
            return jobs.fire(plan, now, scheduled);
        } catch (RuntimeException e) {
            failures.add(plan.job() + ": " + e);
            return plan.outcomes();
        }
    }

    private static List<SubscriptionOutcome> postpone(
            final JobPlan plan, final TriggerReason reason, final Duration delay) {
        return plan.outcomes().stream()
                .map(o -> o.decision().ready()
                        ? new SubscriptionOutcome(o.subscription(), o.decision().with(false, reason, delay))
                        : o)
                .toList();
    }

    private static Optional<Duration> nextDelay(final List<SubscriptionOutcome> outcomes) {
        return outcomes.stream()
                .map(SubscriptionOutcome::decision)
                .filter(d -> d.reason() == TriggerReason.COOLING_DOWN
                        || d.reason() == TriggerReason.QUIET_PERIOD
                        || d.reason() == TriggerReason.STAGGERED)
                .map(TriggerDecision::nextDelay)
                .min(Duration::compareTo);
    }
}
