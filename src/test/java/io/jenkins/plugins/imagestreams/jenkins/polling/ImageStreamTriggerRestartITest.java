package io.jenkins.plugins.imagestreams.jenkins.polling;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamDefinition;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.RegistryImageSource;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import io.jenkins.plugins.imagestreams.jenkins.trigger.ImageStreamCause;
import io.jenkins.plugins.imagestreams.jenkins.trigger.ImageStreamTrigger;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsSessionRule;

/** A tag that moves while Jenkins is down builds its downstream job exactly once after the restart. */
public class ImageStreamTriggerRestartITest {
    static {
        System.setProperty(ImageStreamsPoller.class.getName() + ".quietPeriodSeconds", "0");
        System.setProperty(ImageStreamsPoller.class.getName() + ".periodSeconds", "86400");
        System.setProperty(ImageStreamsPoller.class.getName() + ".initialDelaySeconds", "86400");
    }

    private static final String REPOSITORY = "demo/app";

    @Rule
    public LocalRegistry registry = LocalRegistry.plain();

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Test
    public void shouldBuildOnceWhenTagMovedWhileJenkinsWasDown() throws Throwable {
        registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        sessions.then(j -> {
            ImageStreamsConfiguration configuration = ImageStreamsConfiguration.get();
            configuration.setAllowedRegistries(registry.hostAndPort());
            TagDefinition tag =
                    new TagDefinition("latest", new RegistryImageSource(registry.imageReference(REPOSITORY, "latest")));
            tag.setInsecure(true);
            ImageStreamDefinition stream = new ImageStreamDefinition("app");
            stream.setTags(List.of(tag));
            configuration.setStreams(List.of(stream));
            FreeStyleProject job = j.createFreeStyleProject("downstream");
            job.addTrigger(new ImageStreamTrigger("app", "latest"));

            ExtensionList.lookupSingleton(ImageStreamsPoller.class).runOnce();
            j.waitUntilNoActivity();

            assertThat(job.getBuilds()).isEmpty();
        });

        String moved = registry.moveTag(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);

        sessions.then(j -> {
            FreeStyleProject job = j.jenkins.getItemByFullName("downstream", FreeStyleProject.class);
            ImageStreamsPoller poller = ExtensionList.lookupSingleton(ImageStreamsPoller.class);

            poller.runOnce();
            j.waitUntilNoActivity();
            poller.runOnce();
            j.waitUntilNoActivity();

            assertThat(job.getBuilds()).hasSize(1);
            assertThat(job.getLastBuild().getCause(ImageStreamCause.class).getDigest())
                    .isEqualTo(moved);
        });
        sessions.then(j -> {
            FreeStyleProject job = j.jenkins.getItemByFullName("downstream", FreeStyleProject.class);

            ExtensionList.lookupSingleton(ImageStreamsPoller.class).runOnce();
            j.waitUntilNoActivity();

            assertThat(job.getBuilds()).hasSize(1);
        });
    }
}
