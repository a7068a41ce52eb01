package io.jenkins.plugins.imagestreams.jenkins.trigger;

import hudson.model.Job;
import hudson.triggers.Trigger;
import io.jenkins.plugins.imagestreams.core.triggering.Subscription;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionSource;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamDefinition;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.ParameterizedJobMixIn;

/**
 * Lists the subscriptions of every job: one per {@link ImageStreamTrigger} on the job, and one per stream tag
 * whose {@code downstreamJobs} in the global configuration names the job. A subscription is left out while the
 * identity the job's builds run as may not see or build the job or view the stream ({@link JobAuthorization});
 * its stored state is kept, so a change missed meanwhile fires once the access is granted.
 */
public class TriggerSubscriptions implements SubscriptionSource {
    private static final Logger LOGGER = Logger.getLogger(TriggerSubscriptions.class.getName());

    private final TriggerJobsFacade jobs;
    private final JobAuthorization authorization;
    private final Supplier<List<ImageStreamDefinition>> definitions;
    private final Set<String> refusalsLogged = ConcurrentHashMap.newKeySet();

    /** Creates the source over Jenkins. */
    public TriggerSubscriptions() {
        this(
                new TriggerJobsFacade(),
                new JobAuthorization(),
                () -> ImageStreamsConfiguration.get().getStreams());
    }

    TriggerSubscriptions(
            final TriggerJobsFacade jobs,
            final JobAuthorization authorization,
            final Supplier<List<ImageStreamDefinition>> definitions) {
        this.jobs = jobs;
        this.authorization = authorization;
        this.definitions = definitions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<Subscription> all() {
        Map<String, List<StreamTag>> downstream = downstreamByJob();
        Map<Object, Subscription> found = new LinkedHashMap<>();
        for (Job job : jobs.allJobs()) {
            subscriptionsOf(job, downstream).forEach(s -> found.putIfAbsent(s.key(), s));
        }
        return new ArrayList<>(found.values());
    }

    @Override
    public List<Subscription> of(final String jobFullName) {
        Optional<Job<?, ?>> job = jobs.job(jobFullName);
        return job.isEmpty() ? List.of() : subscriptionsOf(job.get(), downstreamByJob());
    }

    private List<Subscription> subscriptionsOf(final Job<?, ?> job, final Map<String, List<StreamTag>> downstream) {
        if (!(job instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> parameterized)) {
            return List.of();
        }
        String name = job.getFullName();
        List<Subscription> subscriptions = new ArrayList<>();
        for (Trigger<?> trigger : parameterized.getTriggers().values()) {
            if (trigger instanceof ImageStreamTrigger imageStream) {
                imageStream.toSubscription(name).ifPresent(subscriptions::add);
            }
        }
        for (StreamTag streamTag : downstream.getOrDefault(name, List.of())) {
            subscription(name, streamTag.stream(), streamTag.tag()).ifPresent(subscriptions::add);
        }
        return subscriptions.stream().filter(s -> permitted(job, s.stream())).toList();
    }

    private boolean permitted(final Job<?, ?> job, final String stream) {
        Optional<String> refusal = authorization.refusal(job, stream);
        if (refusal.isEmpty()) {
            refusalsLogged.removeIf(r -> r.startsWith(job.getFullName() + '\u0000' + stream + '\u0000'));
            return true;
        }
        boolean first = refusalsLogged.add(job.getFullName() + '\u0000' + stream + '\u0000' + refusal.get());
        LOGGER.log(first ? Level.INFO : Level.FINE, "ImageStreams: not triggering {0}: {1}", new Object[] {
            job.getFullName(), refusal.get()
        });
        return false;
    }

    /** Job full name to the stream tags whose {@code downstreamJobs} name it. */
    private Map<String, List<StreamTag>> downstreamByJob() {
        Map<String, List<StreamTag>> byJob = new HashMap<>();
        for (ImageStreamDefinition stream : definitions.get()) {
            for (TagDefinition tag : stream.getTags()) {
                for (String job : DownstreamJobs.parse(tag.getDownstreamJobs())) {
                    byJob.computeIfAbsent(job, j -> new ArrayList<>())
                            .add(new StreamTag(stream.getName(), tag.getName()));
                }
            }
        }
        return byJob;
    }

    private static Optional<Subscription> subscription(final String job, final String stream, final String tag) {
        try {
            return Optional.of(Subscription.of(job, stream, tag));
        } catch (RuntimeException e) {
            return Optional.empty(); // a stream or tag name the model rejects: the stream is not in force anyway
        }
    }

    /** A stream tag of the global configuration, as entered. */
    private record StreamTag(String stream, String tag) {}
}
