package io.jenkins.plugins.imagestreams.core.triggering;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A build scheduler that records every accepted request and answers {@link #alreadyScheduledOrBuilt} from that
 * record, as the glue answers from the queue and the job's last builds. Its record survives simulated crashes.
 */
public final class RecordingBuildScheduler implements BuildScheduler {
    private final List<TriggerRequest> requests = new ArrayList<>();
    private final Map<String, Digest> latest = new ConcurrentHashMap<>();
    private final Set<String> refusing = new HashSet<>();
    private Runnable beforeRecord = () -> {};
    private Runnable afterRecord = () -> {};

    @Override
    public synchronized boolean schedule(final String jobFullName, final List<TriggerCause> causes) {
        beforeRecord.run();
        if (refusing.contains(jobFullName)) {
            return false;
        }
        requests.add(new TriggerRequest(jobFullName, causes));
        causes.forEach(c -> latest.put(key(jobFullName, c.stream(), c.tag()), c.digest()));
        afterRecord.run();
        return true;
    }

    @Override
    public boolean alreadyScheduledOrBuilt(
            final String jobFullName, final String stream, final String tag, final Digest digest) {
        return digest.equals(latest.get(key(jobFullName, stream, tag)));
    }

    /**
     * Records a build that was not triggered by us, such as a manual build that recorded the digest it used.
     *
     * @param job the job
     * @param stream the stream
     * @param tag the tag
     * @param digest the digest the build used
     */
    public void builtManually(final String job, final String stream, final String tag, final Digest digest) {
        latest.put(key(job, stream, tag), digest);
    }

    /**
     * Makes a job refuse builds, or accept them again.
     *
     * @param job the job
     * @param refuse whether to refuse
     */
    public synchronized void refuse(final String job, final boolean refuse) {
        if (refuse) {
            refusing.add(job);
        } else {
            refusing.remove(job);
        }
    }

    /**
     * Sets hooks that run inside {@link #schedule}, before and after the request is recorded (to inject crashes).
     *
     * @param before runs before recording
     * @param after runs after recording
     */
    public synchronized void hooks(final Runnable before, final Runnable after) {
        this.beforeRecord = before;
        this.afterRecord = after;
    }

    /**
     * Returns the accepted requests.
     *
     * @return a copy, in order
     */
    public synchronized List<TriggerRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Returns every accepted cause.
     *
     * @return the causes of all requests, in order
     */
    public synchronized List<TriggerCause> causes() {
        return requests.stream().flatMap(r -> r.causes().stream()).toList();
    }

    private static String key(final String job, final String stream, final String tag) {
        return job + '\u0000' + stream + '\u0000' + tag;
    }
}
