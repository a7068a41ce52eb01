package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.triggering.BuildScheduler;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerCause;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The triggerer's build scheduler in the command line: nothing is built; each cause is reported as one
 * {@code subscriptionWouldFire} event in the {@link EventJournal}, which then serves as the job's own record, so the
 * triggerer's crash repair (persist, schedule, confirm) works as in the plugin: a fire that reached the journal is
 * never repeated, one that did not is made again.
 */
final class JournalScheduler implements BuildScheduler {
    private final EventJournal journal;
    private final Clock clock;

    JournalScheduler(final EventJournal journal, final Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public boolean schedule(final String jobFullName, final List<TriggerCause> causes) {
        for (TriggerCause cause : causes) {
            journal.append(WatchEvents.wouldFire(clock.instant(), jobFullName, cause));
        }
        return true;
    }

    @Override
    public boolean alreadyScheduledOrBuilt(
            final String jobFullName, final String stream, final String tag, final Digest digest) {
        return journal.lastFired(jobFullName, stream, tag).equals(Optional.of(digest));
    }
}
