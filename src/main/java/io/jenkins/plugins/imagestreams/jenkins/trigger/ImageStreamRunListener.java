package io.jenkins.plugins.imagestreams.jenkins.trigger;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerCause;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When a build of a subscribed job starts without an {@link ImageStreamCause} (by hand, by a timer, by SCM or by
 * an upstream job), records the current digest of each tag the job subscribes to as the one this build uses, so
 * the next poll does not trigger it again ({@link TriggerService#recordBuild}). The build log says which.
 */
@Extension
public class ImageStreamRunListener extends RunListener<Run<?, ?>> {
    private static final Logger LOGGER = Logger.getLogger(ImageStreamRunListener.class.getName());

    @Override
    public void onStarted(final Run<?, ?> run, final TaskListener listener) {
        if (run.getCauses().stream().anyMatch(ImageStreamCause.class::isInstance)) {
            return;
        }
        try {
            List<TriggerCause> used = TriggerService.get().recordBuild(run);
            for (TriggerCause digest : used) {
                listener.getLogger()
                        .printf(
                                "ImageStreams: this build uses %s:%s at %s; that digest will not trigger it again%n",
                                digest.stream(), digest.tag(), digest.digest());
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "ImageStreams: could not record the digests used by " + run, e);
        }
    }
}
