package io.jenkins.plugins.imagestreams.jenkins.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/** How the {@code downstreamJobs} field is read, without Jenkins. */
public class DownstreamJobsTest {
    @Test
    public void shouldSplitOnCommasTrimAndDropBlanksDuplicatesAndLeadingSlashes() {
        assertThat(DownstreamJobs.parse(" deploy-app, team/smoke ,, /team/smoke,deploy app ,"))
                .containsExactly("deploy-app", "team/smoke", "deploy app");
    }

    @Test
    public void shouldReadNothingFromEmptyOrMissingField() {
        assertThat(DownstreamJobs.parse(null)).isEmpty();
        assertThat(DownstreamJobs.parse(" , ")).isEmpty();
    }
}
