package io.jenkins.plugins.imagestreams.jenkins.trigger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.AutoCompletionCandidates;
import hudson.model.Item;
import hudson.model.Items;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** The jobs and the queue, as the triggering glue needs them. */
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
     * Finds a job by full name as the current user sees it.
     *
     * @param fullName the full name
     * @return the job, if it exists and the current user may read it and its folders
     */
    public Optional<Job<?, ?>> visibleJob(final String fullName) {
        try {
            return Optional.ofNullable(Jenkins.get().getItemByFullName(fullName, Job.class));
        } catch (AccessDeniedException e) {
            return Optional.empty();
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
     * Returns the identity the task's builds run as: what a {@code QueueItemAuthenticator} (such as the Authorize
     * Project plugin's) says, else the task's default, which is SYSTEM. Core's {@code ReverseBuildTrigger} and
     * {@code BuildTrigger} ask the same.
     *
     * @param task the job
     * @return the authentication
     */
    public Authentication authenticationOf(final Queue.Task task) {
        return Tasks.getAuthenticationOf2(task);
    }

    /**
     * Tells whether an identity can see a job: it may read the job and every folder above it.
     *
     * @param who the identity
     * @param job the job
     * @return true if a lookup of the job's full name as {@code who} finds this job
     */
    public boolean canSee(final Authentication who, final Job<?, ?> job) {
        try (ACLContext ignored = ACL.as2(who)) {
            return Jenkins.get().getItemByFullName(job.getFullName()) == job;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /**
     * Offers job full names that start with what was typed, among the jobs the current user can see.
     *
     * @param value what was typed
     * @return the candidates
     */
    public AutoCompletionCandidates jobNames(final String value) {
        return AutoCompletionCandidates.ofJobNames(Job.class, value, null, Jenkins.get());
    }

    /**
     * Rewrites a comma-separated list of job full names after an item moved, as core's "Build other projects"
     * does with its {@code childProjects}: names of the item, and of items inside it, follow it.
     *
     * @param oldFullName the item's full name before
     * @param newFullName the item's full name after
     * @param names the list
     * @return the rewritten list; names are separated by {@code ,} without spaces
     */
    public String renamed(final String oldFullName, final String newFullName, final String names) {
        return Items.computeRelativeNamesAfterRenaming(oldFullName, newFullName, names, Jenkins.get());
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
