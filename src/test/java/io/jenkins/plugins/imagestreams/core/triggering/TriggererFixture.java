package io.jenkins.plugins.imagestreams.core.triggering;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.registryTag;

import io.jenkins.plugins.imagestreams.core.StreamFixture;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Streams, subscriptions, an in-memory state store and a recording scheduler around a {@link Triggerer}. */
public final class TriggererFixture {
    /** Specs, status, service and clock. */
    public final StreamFixture streams = new StreamFixture();
    /** The subscriptions the triggerer sees. */
    public final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    /** The state store. */
    public final SubscriptionStore store = new InMemorySubscriptionStore();
    /** The build scheduler. */
    public final RecordingBuildScheduler scheduler = new RecordingBuildScheduler();

    /**
     * Defines a stream of scheduled registry tags.
     *
     * @param name the stream name
     * @param tags the tag names
     */
    public void defineStream(final String name, final String... tags) {
        List<TagReference> references = new ArrayList<>();
        for (String tag : tags) {
            references.add(registryTag(tag, "registry.example.com/team/" + name + ":" + tag));
        }
        streams.define(ImageStream.of(name, references));
    }

    /**
     * Subscribes a job to a tag.
     *
     * @param job the job
     * @param stream the stream
     * @param tag the tag
     */
    public void subscribe(final String job, final String stream, final String tag) {
        subscriptions.add(Subscription.of(job, stream, tag));
    }

    /**
     * Creates a triggerer over the fixture, as after a start of Jenkins.
     *
     * @param policy the policy
     * @return the triggerer
     */
    public Triggerer triggerer(final TriggerPolicy policy) {
        return new Triggerer(
                streams.service,
                () -> List.copyOf(streams.specs),
                () -> List.copyOf(subscriptions),
                store,
                scheduler,
                policy,
                streams.clock);
    }

    /**
     * A policy with the given first-run rule, no cool-down, no quiet period and a high throttle.
     *
     * @param firstRun the first-run policy
     * @return the policy
     */
    public static TriggerPolicy immediate(final FirstRunPolicy firstRun) {
        return new TriggerPolicy(
                firstRun, java.time.Duration.ZERO, java.time.Duration.ZERO, java.time.Duration.ZERO, 1_000);
    }
}
