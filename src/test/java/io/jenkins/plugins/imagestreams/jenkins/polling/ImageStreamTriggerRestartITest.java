package io.jenkins.plugins.imagestreams.jenkins.polling;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.imagestreams.jenkins.trigger.ImageStreamCause;
import io.jenkins.plugins.imagestreams.jenkins.trigger.ImageStreamTrigger;
import io.jenkins.plugins.imagestreams.testing.jenkins.JenkinsStreams;
import io.jenkins.plugins.imagestreams.testing.jenkins.ManualPolling;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * Restarts: a tag that moves while Jenkins is down builds its downstream job exactly once after the restart, and a
 * move recorded but not yet evaluated before a stop builds at startup, before the poller's first tick.
 */
public class ImageStreamTriggerRestartITest {
    private static final String REPOSITORY = "demo/app";

    @ClassRule
    public static final ManualPolling POLLING = new ManualPolling();

    @Rule
    public LocalRegistry registry = LocalRegistry.plain();

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Test
    public void shouldBuildOnceWhenTagMovedWhileJenkinsWasDown() throws Throwable {
        registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        sessions.then(j -> {
            JenkinsStreams.configureApp(registry);
            FreeStyleProject job = j.createFreeStyleProject("downstream");
            job.addTrigger(new ImageStreamTrigger("app", "latest"));

            ManualPolling.tickAndWait(j);

            assertThat(job.getBuilds()).isEmpty();
        });

        String moved = registry.moveTag(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);

        sessions.then(j -> {
            FreeStyleProject job = j.jenkins.getItemByFullName("downstream", FreeStyleProject.class);

            ManualPolling.tickAndWait(j);
            ManualPolling.tickAndWait(j);

            assertThat(job.getBuilds()).hasSize(1);
            assertThat(job.getLastBuild().getCause(ImageStreamCause.class).getDigest())
                    .isEqualTo(moved);
        });
        sessions.then(j -> {
            FreeStyleProject job = j.jenkins.getItemByFullName("downstream", FreeStyleProject.class);

            ManualPolling.tickAndWait(j);

            assertThat(job.getBuilds()).hasSize(1);
        });
    }

    @Test
    public void shouldTriggerAtStartupBeforeThePollerTicks() throws Throwable {
        registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        String[] moved = new String[1];
        sessions.then(j -> {
            JenkinsStreams.configureApp(registry);
            j.createFreeStyleProject("downstream").addTrigger(new ImageStreamTrigger("app", "latest"));
            ManualPolling.tickAndWait(j);
            // the tag moves and the move is recorded, but Jenkins stops before any trigger evaluation
            moved[0] = JenkinsStreams.pushApp(registry);
        });

        sessions.then(j -> {
            FreeStyleProject job = j.jenkins.getItemByFullName("downstream", FreeStyleProject.class);

            j.waitUntilNoActivity();

            assertThat(job.getBuilds()).hasSize(1);
            ImageStreamCause cause = job.getLastBuild().getCause(ImageStreamCause.class);
            assertThat(cause.getDigest()).isEqualTo(moved[0]);
            assertThat(cause.getSource()).isEqualTo("recordPush");
            ManualPolling.tickAndWait(j);
            assertThat(job.getBuilds()).hasSize(1);
        });
    }
}
