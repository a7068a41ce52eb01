package io.jenkins.plugins.imagestreams.jenkins.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.TaskListener;
import io.jenkins.plugins.imagestreams.testing.jenkins.IntegrationTestWithRegistry;
import io.jenkins.plugins.imagestreams.testing.jenkins.JenkinsStreams;
import io.jenkins.plugins.imagestreams.testing.jenkins.ManualPolling;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import org.junit.Test;

/** A build of a subscribed job that no tag started records the digest it used, which then does not trigger it. */
public class ManualBuildITest extends IntegrationTestWithRegistry {
    @Test
    public void shouldNotTriggerTheDigestThatAManualBuildUsed() throws Exception {
        String first = registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        JenkinsStreams.configureApp(registry);
        FreeStyleProject job = j.createFreeStyleProject("deploy");
        job.addTrigger(new ImageStreamTrigger("app", "latest"));
        FreeStyleProject unsubscribed = j.createFreeStyleProject("unsubscribed");
        ManualPolling.tick();
        // the tag moves (a pipeline records its push), and someone builds by hand before the next poll
        String pushed = JenkinsStreams.pushApp(registry);

        FreeStyleBuild manual = j.buildAndAssertSuccess(job);
        FreeStyleBuild other = j.buildAndAssertSuccess(unsubscribed);
        ManualPolling.tickAndWait(j);

        j.assertLogContains("ImageStreams: this build uses app:latest at " + pushed, manual);
        assertThat(manual.getAction(ImageStreamDigestsAction.class).digestFor("app", "latest"))
                .hasValueSatisfying(d -> assertThat(d.getDigest()).isEqualTo(pushed));
        assertThat(manual.getEnvironment(TaskListener.NULL))
                .containsEntry("IMAGESTREAM_DIGEST", pushed)
                .containsEntry("IMAGESTREAM_PREVIOUS_DIGEST", first);
        assertThat(other.getAction(ImageStreamDigestsAction.class)).isNull();
        assertThat(job.getBuilds()).hasSize(1);

        String moved = JenkinsStreams.moveApp(registry);
        ManualPolling.tickAndWait(j);

        assertThat(job.getBuilds()).hasSize(2);
        ImageStreamCause cause = job.getLastBuild().getCause(ImageStreamCause.class);
        assertThat(cause.getDigest()).isEqualTo(moved);
        assertThat(cause.getPreviousDigest()).contains(pushed);
    }
}
