package io.jenkins.plugins.imagestreams.jenkins.polling;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.TaskListener;
import io.jenkins.plugins.imagestreams.jenkins.trigger.ImageStreamCause;
import io.jenkins.plugins.imagestreams.jenkins.trigger.ImageStreamTrigger;
import io.jenkins.plugins.imagestreams.testing.jenkins.IntegrationTestWithRegistry;
import io.jenkins.plugins.imagestreams.testing.jenkins.JenkinsStreams;
import io.jenkins.plugins.imagestreams.testing.jenkins.ManualPolling;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.job.properties.PipelineTriggersJobProperty;
import org.junit.Test;

/** A job with an {@code imageStream} trigger is built once when its tag moves in a real registry. */
public class ImageStreamTriggerITest extends IntegrationTestWithRegistry {
    @Test
    public void shouldBuildFreestyleJobOnceWhenTagMoves() throws Exception {
        String first = registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        JenkinsStreams.configureApp(registry);
        FreeStyleProject job = j.createFreeStyleProject("downstream");
        job.addTrigger(new ImageStreamTrigger("app", "latest"));

        ManualPolling.tickAndWait(j);

        assertThat(JenkinsStreams.current("app", "latest")).isEqualTo(first);
        assertThat(job.getBuilds()).isEmpty();

        String moved = JenkinsStreams.moveApp(registry);
        ManualPolling.tickAndWait(j);

        assertThat(JenkinsStreams.current("app", "latest")).isEqualTo(moved);
        assertThat(job.getBuilds()).hasSize(1);
        FreeStyleBuild build = job.getLastBuild();
        j.assertBuildStatusSuccess(build);
        ImageStreamCause cause = build.getCause(ImageStreamCause.class);
        assertThat(cause).isNotNull();
        assertThat(cause.getStream()).isEqualTo("app");
        assertThat(cause.getTag()).isEqualTo("latest");
        assertThat(cause.getDigest()).isEqualTo(moved);
        assertThat(cause.getPreviousDigest()).contains(first);
        EnvVars env = build.getEnvironment(TaskListener.NULL);
        assertThat(env)
                .containsEntry("IMAGESTREAM_NAME", "app")
                .containsEntry("IMAGESTREAM_TAG", "latest")
                .containsEntry("IMAGESTREAM_DIGEST", moved)
                .containsEntry("IMAGESTREAM_PREVIOUS_DIGEST", first)
                .containsEntry("IMAGESTREAM_PULLSPEC", registry.hostAndPort() + "/" + REPOSITORY + "@" + moved)
                .doesNotContainKey("IMAGESTREAM_DIGEST_1");

        ManualPolling.tickAndWait(j);

        assertThat(job.getBuilds()).hasSize(1);
    }

    @Test
    public void shouldBuildPipelineJobOnceWhenTagMoves() throws Exception {
        String first = registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        JenkinsStreams.configureApp(registry);
        WorkflowJob job = j.createProject(WorkflowJob.class, "pipeline");
        job.setDefinition(new CpsFlowDefinition("echo \"built ${env.IMAGESTREAM_DIGEST}\"", true));
        job.addProperty(new PipelineTriggersJobProperty(List.of(new ImageStreamTrigger("app", "latest"))));

        ManualPolling.tickAndWait(j);

        assertThat(JenkinsStreams.current("app", "latest")).isEqualTo(first);
        assertThat(job.getBuilds()).isEmpty();

        String moved = JenkinsStreams.moveApp(registry);
        ManualPolling.tickAndWait(j);
        ManualPolling.tickAndWait(j);

        assertThat(job.getBuilds()).hasSize(1);
        WorkflowRun build = job.getLastBuild();
        j.assertBuildStatusSuccess(build);
        assertThat(build.getCause(ImageStreamCause.class).getDigest()).isEqualTo(moved);
        j.assertLogContains("built " + moved, build);
    }
}
