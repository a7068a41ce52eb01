package io.jenkins.plugins.imagestreams.jenkins.ui;

import hudson.model.Job;
import io.jenkins.plugins.imagestreams.core.importing.ImportDecision;
import io.jenkins.plugins.imagestreams.core.importing.Importer;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.triggering.Subscription;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionKey;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionSource;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionState;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionStore;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionStoreException;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the poller and the triggers know of one stream's tags, read through the core's ports: when each registry tag
 * is due next (the {@link Importer}'s scheduler, with its memory of attempts and backoff), and which jobs follow
 * each tag with the digest they were last triggered for (the {@link SubscriptionSource} the triggers evaluate and
 * its {@link SubscriptionStore}). Jobs the current user may not see are left out.
 */
final class StreamActivity {
    private static final Logger LOGGER = Logger.getLogger(StreamActivity.class.getName());

    private final Map<String, ImportDecision> schedules;
    private final Map<String, List<DownstreamJobView>> downstream;
    private final Instant now;

    private StreamActivity(
            final Map<String, ImportDecision> schedules,
            final Map<String, List<DownstreamJobView>> downstream,
            final Instant now) {
        this.schedules = schedules;
        this.downstream = downstream;
        this.now = now;
    }

    /**
     * Reads the activity of a stream.
     *
     * @param spec the stream
     * @param status its status
     * @param importer the poller's importer
     * @param subscriptions every subscription
     * @param store the subscriptions' states
     * @param jenkins finds the jobs the current user may see
     * @param now the time of the page
     * @return the activity
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    static StreamActivity read(
            final ImageStream spec,
            final ImageStreamStatus status,
            final Importer importer,
            final SubscriptionSource subscriptions,
            final SubscriptionStore store,
            final JenkinsFacade jenkins,
            final Instant now) {
        Map<String, ImportDecision> schedules = new LinkedHashMap<>();
        for (TagReference tag : spec.tags()) {
            if (tag.from().needsRegistry()) {
                schedules.put(
                        tag.name(),
                        importer.scheduler()
                                .decide(
                                        spec,
                                        tag,
                                        status.tag(tag.name()),
                                        importer.record(spec.name(), tag.name()),
                                        now));
            }
        }
        Map<String, List<DownstreamJobView>> downstream = new LinkedHashMap<>();
        Map<String, Map<SubscriptionKey, SubscriptionState>> states = new LinkedHashMap<>();
        for (Subscription subscription : subscriptions.all()) {
            if (!subscription.stream().equals(spec.name())) {
                continue;
            }
            Job<?, ?> job = jenkins.getJob(subscription.jobFullName());
            if (job == null) {
                continue;
            }
            Map<SubscriptionKey, SubscriptionState> jobStates =
                    states.computeIfAbsent(subscription.jobFullName(), name -> load(store, name));
            downstream
                    .computeIfAbsent(subscription.tag(), t -> new ArrayList<>())
                    .add(new DownstreamJobView(
                            subscription.jobFullName(),
                            job.getUrl(),
                            Optional.ofNullable(jobStates.get(subscription.key())),
                            now));
        }
        return new StreamActivity(schedules, downstream, now);
    }

    private static Map<SubscriptionKey, SubscriptionState> load(final SubscriptionStore store, final String job) {
        try {
            return store.load(job);
        } catch (SubscriptionStoreException e) {
            LOGGER.log(Level.WARNING, "ImageStreams: cannot read the subscription states of " + job, e);
            return Map.of();
        }
    }

    /**
     * Returns when a registry tag is due next.
     *
     * @param tag the tag name
     * @return the scheduler's decision; empty for tags that need no registry
     */
    Optional<ImportDecision> schedule(final String tag) {
        return Optional.ofNullable(schedules.get(tag));
    }

    /**
     * Returns the jobs subscribed to a tag.
     *
     * @param tag the tag name
     * @return the jobs the current user may see, in the order the subscriptions were listed
     */
    List<DownstreamJobView> downstream(final String tag) {
        return downstream.getOrDefault(tag, List.of());
    }

    /** @return the time the activity was read at */
    Instant now() {
        return now;
    }
}
