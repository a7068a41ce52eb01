package io.jenkins.plugins.imagestreams.jenkins.polling;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.TaskListener;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamDefinition;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.RegistryImageSource;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import io.jenkins.plugins.imagestreams.jenkins.trigger.ImageStreamCause;
import io.jenkins.plugins.imagestreams.jenkins.trigger.ImageStreamTrigger;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.job.properties.PipelineTriggersJobProperty;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** A job with an {@code imageStream} trigger is built once when its tag moves in a real registry. */
public class ImageStreamTriggerITest {
    static {
        System.setProperty(ImageStreamsPoller.class.getName() + ".quietPeriodSeconds", "0");
        System.setProperty(ImageStreamsPoller.class.getName() + ".periodSeconds", "86400");
        System.setProperty(ImageStreamsPoller.class.getName() + ".initialDelaySeconds", "86400");
    }

    private static final String REPOSITORY = "demo/app";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public LocalRegistry registry = LocalRegistry.plain();

    @Test
    public void shouldBuildFreestyleJobOnceWhenTagMoves() throws Exception {
        String first = registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        configureStream();
        FreeStyleProject job = j.createFreeStyleProject("downstream");
        job.addTrigger(new ImageStreamTrigger("app", "latest"));
        ImageStreamsPoller poller = ExtensionList.lookupSingleton(ImageStreamsPoller.class);

        poller.runOnce();
        j.waitUntilNoActivity();

        assertThat(current()).isEqualTo(first);
        assertThat(job.getBuilds()).isEmpty();

        String moved = registry.moveTag(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        ImageStreamsService.get().streams().requestImport("app", "latest");
        poller.runOnce();
        j.waitUntilNoActivity();

        assertThat(current()).isEqualTo(moved);
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

        poller.runOnce();
        j.waitUntilNoActivity();

        assertThat(job.getBuilds()).hasSize(1);
    }

    @Test
    public void shouldBuildPipelineJobOnceWhenTagMoves() throws Exception {
        String first = registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        configureStream();
        WorkflowJob job = j.createProject(WorkflowJob.class, "pipeline");
        job.setDefinition(new CpsFlowDefinition("echo \"built ${env.IMAGESTREAM_DIGEST}\"", true));
        job.addProperty(new PipelineTriggersJobProperty(List.of(new ImageStreamTrigger("app", "latest"))));
        ImageStreamsPoller poller = ExtensionList.lookupSingleton(ImageStreamsPoller.class);

        poller.runOnce();
        j.waitUntilNoActivity();

        assertThat(current()).isEqualTo(first);
        assertThat(job.getBuilds()).isEmpty();

        String moved = registry.moveTag(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        ImageStreamsService.get().streams().requestImport("app", "latest");
        poller.runOnce();
        j.waitUntilNoActivity();
        poller.runOnce();
        j.waitUntilNoActivity();

        assertThat(job.getBuilds()).hasSize(1);
        WorkflowRun build = job.getLastBuild();
        j.assertBuildStatusSuccess(build);
        assertThat(build.getCause(ImageStreamCause.class).getDigest()).isEqualTo(moved);
        j.assertLogContains("built " + moved, build);
    }

    private void configureStream() {
        ImageStreamsConfiguration configuration = ImageStreamsConfiguration.get();
        configuration.setAllowedRegistries(registry.hostAndPort());
        TagDefinition tag =
                new TagDefinition("latest", new RegistryImageSource(registry.imageReference(REPOSITORY, "latest")));
        tag.setInsecure(true);
        ImageStreamDefinition stream = new ImageStreamDefinition("app");
        stream.setTags(List.of(tag));
        configuration.setStreams(List.of(stream));
    }

    private static String current() {
        return ImageStreamsService.get()
                .streams()
                .current("app", "latest")
                .map(TagEvent::digest)
                .map(Object::toString)
                .orElse(null);
    }
}
