package io.jenkins.plugins.imagestreams.jenkins.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Computer;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamDefinition;
import io.jenkins.plugins.imagestreams.testing.jenkins.IntegrationTestWithRegistry;
import io.jenkins.plugins.imagestreams.testing.jenkins.JenkinsStreams;
import io.jenkins.plugins.imagestreams.testing.jenkins.ManualPolling;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.junit.Before;
import org.junit.Test;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;

/**
 * Builds are scheduled only for jobs whose builds' identity (here alice, through a queue item authenticator) may
 * see and build the job and view the stream; a change missed while it may not is built once it may.
 */
public class TriggerAuthorizationITest extends IntegrationTestWithRegistry {
    private FreeStyleProject job;
    private ImageStreamDefinition stream;

    @Before
    public void configure() throws Exception {
        registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        stream = JenkinsStreams.stream("app", JenkinsStreams.registryTag(registry, "latest", REPOSITORY));
        JenkinsStreams.configure(registry, stream);
        job = j.createFreeStyleProject("deploy");
        job.addTrigger(new ImageStreamTrigger("app", "latest"));
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
    }

    private void runAsAlice() {
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator()
                        .authenticate("deploy", User.getById("alice", true).impersonate2()));
    }

    private void grantAlice(final boolean build) {
        MockAuthorizationStrategy strategy = new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ, Computer.BUILD)
                .everywhere()
                .to("alice");
        if (build) {
            strategy.grant(Item.BUILD).onItems(job).to("alice");
        }
        j.jenkins.setAuthorizationStrategy(strategy);
    }

    @Test
    public void shouldBuildAsSystemWhenNoQueueItemAuthenticatorIsConfigured() throws Exception {
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
        ManualPolling.tick();

        moveAndPoll();

        assertThat(job.getBuilds()).hasSize(1);
    }

    @Test
    public void shouldWaitUntilTheJobsIdentityMayBuildItThenBuildTheMissedChangeOnce() throws Exception {
        grantAlice(true);
        runAsAlice();
        ManualPolling.tick();

        grantAlice(false);
        String moved = moveAndPoll();
        assertThat(job.getBuilds()).isEmpty();

        grantAlice(true);
        ManualPolling.tickAndWait(j);
        ManualPolling.tickAndWait(j);

        assertThat(job.getBuilds()).hasSize(1);
        assertThat(job.getLastBuild().getCause(ImageStreamCause.class).getDigest())
                .isEqualTo(moved);
    }

    @Test
    public void shouldNotBuildWhileTheJobsIdentityCannotSeeTheJob() throws Exception {
        grantAlice(true);
        runAsAlice();
        ManualPolling.tick();

        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("alice")
                .grant(Item.BUILD)
                .onItems(job)
                .to("alice"));
        moveAndPoll();

        assertThat(job.getBuilds()).isEmpty();
    }

    @Test
    public void shouldNotBuildWhileTheJobsIdentityMayNotViewTheStream() throws Exception {
        grantAlice(true);
        runAsAlice();
        ManualPolling.tick();

        stream.setViewers("release-managers");
        JenkinsStreams.configure(registry, stream);
        String moved = moveAndPoll();
        assertThat(job.getBuilds()).isEmpty();

        stream.setViewers("alice");
        JenkinsStreams.configure(registry, stream);
        ManualPolling.tickAndWait(j);

        assertThat(job.getBuilds()).hasSize(1);
        assertThat(job.getLastBuild().getCause(ImageStreamCause.class).getDigest())
                .isEqualTo(moved);
    }
}
