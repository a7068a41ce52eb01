package io.jenkins.plugins.imagestreams.jenkins.trigger;

import hudson.model.AutoCompletionCandidates;
import hudson.model.Job;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamDefinition;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jenkins.model.ParameterizedJobMixIn;

/**
 * The {@code downstreamJobs} field of a stream tag in the global configuration: job full names separated by
 * commas, like the {@code childProjects} of core's "Build other projects" ({@code deploy-app, team/smoke}). A
 * leading {@code /} is allowed and ignored: names are always counted from the top of Jenkins.
 */
public class DownstreamJobs {
    private final TriggerJobsFacade jobs;
    private final JobAuthorization authorization;

    /** Creates the helper over Jenkins. */
    public DownstreamJobs() {
        this(new TriggerJobsFacade(), new JobAuthorization());
    }

    DownstreamJobs(final TriggerJobsFacade jobs, final JobAuthorization authorization) {
        this.jobs = jobs;
        this.authorization = authorization;
    }

    /**
     * Splits the field.
     *
     * @param value the field as entered, or null
     * @return the job full names, trimmed, without a leading {@code /}, without blanks and duplicates, in order
     */
    public static List<String> parse(final String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .map(name -> name.startsWith("/") ? name.substring(1) : name)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
    }

    /**
     * Checks the field for the current user: every name should be a job they can see, that a trigger can start,
     * and whose builds' identity may see and build it. Problems are warnings: a job may be created later.
     *
     * @param value the field as entered
     * @return ok, or one warning per problem; an unknown job and one the user cannot see get the same message
     */
    public FormValidation check(final String value) {
        List<FormValidation> problems = new ArrayList<>();
        for (String name : parse(value)) {
            Optional<Job<?, ?>> job = jobs.visibleJob(name);
            if (job.isEmpty()) {
                problems.add(FormValidation.warning(
                        "downstreamJobs: no job named '" + name + "' that you can see; it is skipped until it exists"));
            } else if (!(job.get() instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?>)) {
                problems.add(FormValidation.warning("downstreamJobs: '" + name + "' cannot be started by a trigger"));
            } else {
                authorization
                        .refusal(job.get())
                        .ifPresent(why -> problems.add(FormValidation.warning(
                                "downstreamJobs: '" + name + "' will not be triggered: " + why)));
            }
        }
        return problems.isEmpty() ? FormValidation.ok() : FormValidation.aggregate(problems);
    }

    /**
     * Offers the names of the jobs the current user can see that start with what was typed.
     *
     * @param value the name being typed (the text after the last comma)
     * @return the candidates
     */
    public AutoCompletionCandidates candidates(final String value) {
        return jobs.jobNames(value == null ? "" : value.trim());
    }

    /**
     * Rewrites every tag's {@code downstreamJobs} after an item moved (a job, or a folder with jobs inside), as
     * core does for "Build other projects", and saves the configuration if anything changed.
     *
     * @param configuration the global configuration
     * @param oldFullName the item's full name before
     * @param newFullName the item's full name after
     * @return whether the configuration changed
     */
    public boolean rename(
            final ImageStreamsConfiguration configuration, final String oldFullName, final String newFullName) {
        boolean changed = false;
        for (ImageStreamDefinition stream : configuration.getStreams()) {
            for (TagDefinition tag : stream.getTags()) {
                List<String> before = parse(tag.getDownstreamJobs());
                List<String> after = before.isEmpty() ? before : parse(renamed(oldFullName, newFullName, before));
                if (!after.equals(before)) {
                    tag.setDownstreamJobs(String.join(", ", after));
                    changed = true;
                }
            }
        }
        if (changed) {
            configuration.save();
        }
        return changed;
    }

    private String renamed(final String oldFullName, final String newFullName, final List<String> names) {
        String joined = String.join(",", names);
        try {
            return jobs.renamed(oldFullName, newFullName, joined);
        } catch (IllegalArgumentException e) {
            return joined; // a name such as "../x" points above the top of Jenkins: no job, nothing to follow
        }
    }
}
