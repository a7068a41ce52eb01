package io.jenkins.plugins.imagestreams.jenkins.trigger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;

/** The jobs and the queue, as the triggering glue needs them; looked up as SYSTEM. */
public class TriggerJobsFacade {
    /**
     * Finds a job by full name, regardless of the current user.
     *
     * @param fullName the full name
     * @return the job
     */
    public Optional<Job<?, ?>> job(final String fullName) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return Optional.ofNullable(Jenkins.get().getItemByFullName(fullName, Job.class));
        }
    }

    /**
     * Lists every job, regardless of the current user.
     *
     * @return the jobs
     */
    @SuppressWarnings("rawtypes")
    public List<Job> allJobs() {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return Jenkins.get().getAllItems(Job.class);
        }
    }

    /**
     * Lists the queue items of a task.
     *
     * @param task the task
     * @return the items waiting, blocked, buildable or pending
     */
    public List<Queue.Item> queued(final Queue.Task task) {
        return Jenkins.get().getQueue().getItems(task);
    }

    /**
     * Checks that the current user may configure the item (or read Jenkins when there is no item).
     *
     * @param item the item, or null
     * @return true; the check throws when the permission is missing
     */
    public boolean mayConfigure(@CheckForNull final Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.READ);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
        return true;
    }
}
