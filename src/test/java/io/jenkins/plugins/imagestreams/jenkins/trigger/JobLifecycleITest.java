package io.jenkins.plugins.imagestreams.jenkins.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.imagestreams.core.triggering.FileSubscriptionStore;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import io.jenkins.plugins.imagestreams.testing.jenkins.IntegrationTestWithRegistry;
import io.jenkins.plugins.imagestreams.testing.jenkins.JenkinsStreams;
import io.jenkins.plugins.imagestreams.testing.jenkins.ManualPolling;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.Test;
import org.jvnet.hudson.test.MockFolder;

/** Renamed, moved and deleted jobs: their subscription states and the names in {@code downstreamJobs} follow. */
public class JobLifecycleITest extends IntegrationTestWithRegistry {
    private Path stateFile(final String job) {
        return new FileSubscriptionStore(
                        j.jenkins.getRootDir().toPath().resolve(TriggerService.SUBSCRIPTIONS_DIRECTORY),
                        Clock.systemUTC(),
                        (name, keptAs, reason) -> {})
                .fileFor(job);
    }

    @Test
    public void shouldKeepTheTriggerStateOfARenamedJob() throws Exception {
        registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        JenkinsStreams.configureApp(registry);
        FreeStyleProject job = j.createFreeStyleProject("build");
        job.addTrigger(new ImageStreamTrigger("app", "latest"));
        ManualPolling.tick();
        String built = moveAndPoll();
        assertThat(job.getBuilds()).hasSize(1);

        job.renameTo("build-renamed");
        ManualPolling.tickAndWait(j);

        assertThat(job.getBuilds()).hasSize(1);
        assertThat(Files.exists(stateFile("build"))).isFalse();
        assertThat(Files.readString(stateFile("build-renamed"), StandardCharsets.UTF_8))
                .contains(built);
        String next = moveAndPoll();
        assertThat(job.getBuilds()).hasSize(2);
        ImageStreamCause cause = job.getLastBuild().getCause(ImageStreamCause.class);
        assertThat(cause.getDigest()).isEqualTo(next);
        assertThat(cause.getPreviousDigest()).contains(built);
    }

    @Test
    public void shouldFollowRenamedJobsAndFoldersInDownstreamJobs() throws Exception {
        registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        FreeStyleProject deploy = j.createFreeStyleProject("deploy");
        MockFolder team = j.createFolder("team");
        FreeStyleProject smoke = team.createProject(FreeStyleProject.class, "smoke");
        TagDefinition latest = JenkinsStreams.registryTag(registry, "latest", REPOSITORY);
        latest.setDownstreamJobs("deploy, team/smoke, other");
        JenkinsStreams.configure(registry, JenkinsStreams.stream("app", latest));
        ManualPolling.tick();

        deploy.renameTo("deploy-prod");
        team.renameTo("platform");

        assertThat(downstreamJobs()).isEqualTo("deploy-prod, platform/smoke, other");
        Path saved = j.jenkins.getRootDir().toPath().resolve(ImageStreamsConfiguration.class.getName() + ".xml");
        assertThat(Files.readString(saved, StandardCharsets.UTF_8))
                .contains("<downstreamJobs>deploy-prod, platform/smoke, other</downstreamJobs>");
        String moved = moveAndPoll();
        assertThat(deploy.getBuilds()).hasSize(1);
        assertThat(smoke.getBuilds()).hasSize(1);
        assertThat(smoke.getLastBuild().getCause(ImageStreamCause.class).getDigest())
                .isEqualTo(moved);
    }

    @Test
    public void shouldForgetTheStateOfADeletedJob() throws Exception {
        registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        JenkinsStreams.configureApp(registry);
        j.createFreeStyleProject("build").addTrigger(new ImageStreamTrigger("app", "latest"));
        ManualPolling.tick();
        assertThat(Files.exists(stateFile("build"))).isTrue();

        j.jenkins.getItem("build").delete();
        assertThat(Files.exists(stateFile("build"))).isFalse();
        moveAndPoll();
        FreeStyleProject again = j.createFreeStyleProject("build");
        again.addTrigger(new ImageStreamTrigger("app", "latest"));
        ManualPolling.tickAndWait(j);

        // a kept state would still hold the first digest and build the moved one; a new job waits for a change
        assertThat(again.getBuilds()).isEmpty();
    }

    private static String downstreamJobs() {
        return ImageStreamsConfiguration.get()
                .getStreams()
                .get(0)
                .getTags()
                .get(0)
                .getDownstreamJobs();
    }
}
