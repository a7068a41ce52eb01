package io.jenkins.plugins.imagestreams.jenkins.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamDefinition;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.RegistryImageSource;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.springframework.security.access.AccessDeniedException;

/** The trigger's form: round trip, checks, dropdowns and their permission checks. */
public class ImageStreamTriggerFormITest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void shouldKeepStreamAndTagThroughConfigRoundtrip() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("downstream");
        job.addTrigger(new ImageStreamTrigger("app", "latest"));

        j.configRoundtrip(job);

        ImageStreamTrigger trigger = job.getTrigger(ImageStreamTrigger.class);
        assertThat(trigger).isNotNull();
        assertThat(trigger.getStream()).isEqualTo("app");
        assertThat(trigger.getTag()).isEqualTo("latest");
    }

    @Test
    public void shouldCheckAndOfferConfiguredStreamsAndTags() throws Exception {
        configureStream();
        FreeStyleProject job = j.createFreeStyleProject("downstream");
        ImageStreamTrigger.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(ImageStreamTrigger.DescriptorImpl.class);

        assertThat(descriptor.doCheckStream(job, "app").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckStream(job, "other").kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(descriptor.doCheckStream(job, "").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckTag(job, "app", "latest").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckTag(job, "app", "nope").kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(descriptor.doFillStreamItems(job)).containsExactly("app");
        assertThat(descriptor.doFillTagItems(job, "app")).containsExactly("latest");
    }

    @Test
    public void shouldRefuseChecksToUserWhoMayNotConfigureTheJob() throws Exception {
        configureStream();
        FreeStyleProject job = j.createFreeStyleProject("downstream");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));
        ImageStreamTrigger.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(ImageStreamTrigger.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThatThrownBy(() -> descriptor.doCheckStream(job, "app")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> descriptor.doCheckTag(job, "app", "latest"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> descriptor.doFillStreamItems(job)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> descriptor.doFillTagItems(job, "app")).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    public void shouldTreatStreamsTheUserMayNotViewAsMissing() throws Exception {
        TagDefinition hidden =
                new TagDefinition("hidden-tag", new RegistryImageSource("registry.example.com/demo/secret:1"));
        ImageStreamDefinition secret = new ImageStreamDefinition("secret");
        secret.setViewers("admin");
        secret.setTags(List.of(hidden));
        TagDefinition open = new TagDefinition("latest", new RegistryImageSource("registry.example.com/demo/app:1"));
        ImageStreamDefinition app = new ImageStreamDefinition("app");
        app.setTags(List.of(open));
        ImageStreamsConfiguration.get().setStreams(List.of(app, secret));
        FreeStyleProject job = j.createFreeStyleProject("downstream");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("jobconf"));
        ImageStreamTrigger.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(ImageStreamTrigger.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as(User.getById("jobconf", true))) {
            assertThat(descriptor.doFillStreamItems(job)).containsExactly("app");
            assertThat(descriptor.doFillTagItems(job, "secret")).isEmpty();
            // a hidden stream answers exactly as a missing one, so names cannot be probed
            assertThat(descriptor.doCheckStream(job, "secret").getMessage())
                    .isEqualTo(
                            descriptor.doCheckStream(job, "nosuch").getMessage().replace("nosuch", "secret"));
            assertThat(descriptor.doCheckTag(job, "secret", "zzz").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckTag(job, "secret", "hidden-tag").kind).isEqualTo(FormValidation.Kind.OK);
        }
    }

    private static void configureStream() {
        TagDefinition tag =
                new TagDefinition("latest", new RegistryImageSource("registry.example.com/demo/app:latest"));
        ImageStreamDefinition stream = new ImageStreamDefinition("app");
        stream.setTags(List.of(tag));
        ImageStreamsConfiguration.get().setStreams(List.of(stream));
    }
}
