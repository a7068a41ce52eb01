package io.jenkins.plugins.imagestreams.jenkins.trigger;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Items;
import hudson.model.Job;
import hudson.model.listeners.ItemListener;
import hudson.security.ACL;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerReport;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps triggering in step with the jobs:
 *
 * <ul>
 *   <li><b>startup</b> ({@link #onLoaded()}): one trigger evaluation on the persisted status, as soon as every job
 *       and the queue are loaded, before the poller's first tick; it repairs a scheduling a crash interrupted and
 *       fires changes that were imported but not yet triggered. {@code @Initializer(after = JOB_CONFIG_ADAPTED)}
 *       would be too early: core's {@code Queue.init} runs at that milestone too and discards items scheduled
 *       before it;
 *   <li><b>renames and moves</b>: the job's subscription states follow it (nothing fires again, no new baseline),
 *       and the {@code downstreamJobs} of the global configuration are rewritten, as core rewrites "Build other
 *       projects";
 *   <li><b>deletions</b>: the job's states are dropped (a folder's: those of every job inside it), so a new job of
 *       the same name starts with the first-run policy. Its name stays in {@code downstreamJobs}, as it stays in
 *       core's "Build other projects".
 * </ul>
 */
@Extension
public class ImageStreamItemListener extends ItemListener {
    private static final Logger LOGGER = Logger.getLogger(ImageStreamItemListener.class.getName());

    @Override
    public void onLoaded() {
        try {
            TriggerReport report = TriggerService.get().evaluate();
            LOGGER.log(
                    Level.FINE,
                    "ImageStreams: startup evaluation scheduled {0} build(s)",
                    report.scheduled().size());
            report.failures().forEach(f -> LOGGER.log(Level.WARNING, "ImageStreams: {0}", f));
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "ImageStreams: the startup trigger evaluation failed; the poller retries", e);
        }
    }

    @Override
    public void onLocationChanged(final Item item, final String oldFullName, final String newFullName) {
        try {
            if (item instanceof Job<?, ?>) {
                TriggerService.get().jobRenamed(oldFullName, newFullName);
            }
            new DownstreamJobs().rename(ImageStreamsConfiguration.get(), oldFullName, newFullName);
        } catch (RuntimeException e) {
            LOGGER.log(
                    Level.WARNING,
                    "ImageStreams: could not follow the move of " + oldFullName + " to " + newFullName,
                    e);
        }
    }

    @Override
    public void onDeleted(final Item item) {
        try {
            if (item instanceof Job<?, ?>) {
                TriggerService.get().jobDeleted(item.getFullName());
            } else if (item instanceof ItemGroup<?> group) {
                for (Job<?, ?> job : Items.allItems2(ACL.SYSTEM2, group, Job.class)) {
                    TriggerService.get().jobDeleted(job.getFullName());
                }
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "ImageStreams: could not forget the states of " + item.getFullName(), e);
        }
    }
}
