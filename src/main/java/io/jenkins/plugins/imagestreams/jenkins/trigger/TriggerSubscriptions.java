package io.jenkins.plugins.imagestreams.jenkins.trigger;

import hudson.model.Job;
import hudson.triggers.Trigger;
import io.jenkins.plugins.imagestreams.core.triggering.Subscription;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.ParameterizedJobMixIn;

/** Lists one subscription per {@link ImageStreamTrigger} of every job. */
public class TriggerSubscriptions implements SubscriptionSource {
    private final TriggerJobsFacade jobs;

    /** Creates the source over Jenkins. */
    public TriggerSubscriptions() {
        this(new TriggerJobsFacade());
    }

    TriggerSubscriptions(final TriggerJobsFacade jobs) {
        this.jobs = jobs;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<Subscription> all() {
        Map<Object, Subscription> found = new LinkedHashMap<>();
        for (Job job : jobs.allJobs()) {
            if (job instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> parameterized) {
                for (Trigger<?> trigger : parameterized.getTriggers().values()) {
                    if (trigger instanceof ImageStreamTrigger imageStream) {
                        imageStream.toSubscription(job.getFullName()).ifPresent(s -> found.putIfAbsent(s.key(), s));
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }
}
