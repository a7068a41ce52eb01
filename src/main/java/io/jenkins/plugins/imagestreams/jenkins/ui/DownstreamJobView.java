package io.jenkins.plugins.imagestreams.jenkins.ui;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionState;
import java.time.Instant;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A job subscribed to a tag (through its {@code imageStream} trigger or the tag's downstream jobs), with the digest
 * it was last triggered for. Only jobs the current user may see are shown.
 */
@ExportedBean(defaultVisibility = 3)
@Restricted(NoExternalUse.class)
public final class DownstreamJobView {
    private final String job;
    private final String url;
    private final Optional<SubscriptionState> state;
    private final Instant now;

    DownstreamJobView(final String job, final String url, final Optional<SubscriptionState> state, final Instant now) {
        this.job = job;
        this.url = url;
        this.state = state;
        this.now = now;
    }

    /** @return the job's full name, e.g. {@code team/deploy-app} */
    @Exported
    public String getJob() {
        return job;
    }

    /** @return the job's URL relative to Jenkins' root, e.g. {@code job/team/job/deploy-app/} */
    public String getUrl() {
        return url;
    }

    private Optional<Digest> digest() {
        return state.flatMap(SubscriptionState::lastTriggeredDigest);
    }

    /**
     * Returns the digest the job was last triggered for; before its first trigger, the digest current when the
     * subscription started (the baseline), if any.
     *
     * @return {@code sha256:<64 hex>}, or empty when the job was never evaluated
     */
    @Exported
    public String getLastTriggeredDigest() {
        return digest().map(Digest::toString).orElse("");
    }

    /** @return the first 12 hex characters of {@link #getLastTriggeredDigest()} */
    public String getShortDigest() {
        return digest().map(Digest::shortForm).orElse("");
    }

    /** @return ISO-8601 instant of the last trigger, or empty when the job was not triggered yet */
    @Exported
    public String getLastTriggeredAt() {
        return state.flatMap(SubscriptionState::lastTriggeredAt)
                .map(Instant::toString)
                .orElse("");
    }

    /** @return how long ago the job was last triggered, e.g. {@code 3 min 2 sec}, or {@code null} if never */
    @CheckForNull
    public String getAge() {
        return state.flatMap(SubscriptionState::lastTriggeredAt)
                .map(at -> PageTimes.span(at, now))
                .orElse(null);
    }

    /** @return when the job was last triggered, for a tooltip, e.g. {@code 2026-11-30 11:20:05 UTC}; empty if never */
    public String getTriggeredTitle() {
        return state.flatMap(SubscriptionState::lastTriggeredAt)
                .map(PageTimes::absolute)
                .orElse("");
    }

    /** @return whether a build was scheduled for the digest and is not yet confirmed in the job's own record */
    @Exported
    public boolean isPending() {
        return state.map(s -> !s.confirmed()).orElse(false);
    }
}
