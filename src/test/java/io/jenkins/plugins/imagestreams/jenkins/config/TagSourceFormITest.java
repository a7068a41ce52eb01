package io.jenkins.plugins.imagestreams.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import java.util.List;
import java.util.logging.Level;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LoggerRule;

/**
 * The tag form shows the import policy (schedule, credentials, insecure, import mode, platforms) only for a registry
 * image, the one source the core imports; a form submit keeps every policy value; rendering the form logs no
 * expression failure of ours.
 */
public class TagSourceFormITest {
    private static final String PIN = "sha256:" + "c".repeat(64);

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public LoggerRule logs =
            new LoggerRule().record("hudson.ExpressionFactory2", Level.WARNING).capture(50);

    private static ImageStreamDefinition streamOfEveryKind() {
        TagDefinition registry = new TagDefinition("1.0", new RegistryImageSource("localhost:5000/web:1.0"));
        registry.setScheduled(false);
        registry.setInsecure(true);
        registry.setImportMode("Legacy");
        registry.setPlatforms("linux/amd64, linux/arm64/v8");
        registry.setCredentialsId("robot");
        StreamImageSource pin = new StreamImageSource(PIN);
        pin.setStream("web");
        ImageStreamDefinition stream = new ImageStreamDefinition("web");
        stream.setTags(List.of(
                registry,
                new TagDefinition("copy", new StreamTagSource("web", "1.0")),
                new TagDefinition("latest", new AliasSource("1.0")),
                new TagDefinition("golden", pin)));
        return stream;
    }

    private void configure() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "robot", "", "robot", "secret-42"));
        ImageStreamsConfiguration.get().setAllowedRegistries("localhost:5000");
        ImageStreamsConfiguration.get().setStreams(List.of(streamOfEveryKind()));
    }

    @Test
    public void shouldShowTheImportPolicyOnlyForTheRegistryImage() throws Exception {
        configure();

        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlPage page = web.goTo("manage/configure");

            assertThat(page.getElementsByName("_.scheduled")).hasSize(1);
            assertThat(page.getElementsByName("_.insecure"))
                    .as("one for the registry image; the registry settings have their own")
                    .hasSize(1);
            assertThat(page.getElementsByName("_.credentialsId")).hasSize(1);
            assertThat(page.getElementsByName("_.importMode")).hasSize(1);
            assertThat(page.getElementsByName("_.platforms")).hasSize(1);
            DomElement scheduled = page.getElementsByName("_.scheduled").get(0);
            assertThat(scheduled.hasAttribute("checked"))
                    .as("an unscheduled tag shows an unchecked box")
                    .isFalse();
            assertThat(page.asNormalizedText())
                    .contains("Registry image", "Stream tag copy", "Alias", "Pinned digest")
                    .containsOnlyOnce("Re-import on a schedule");
        }
    }

    @Test
    public void shouldKeepTheImportPolicyThroughAFormSubmit() throws Exception {
        configure();
        ImageStreamDefinition before =
                ImageStreamsConfiguration.get().getStreams().get(0);

        j.configRoundtrip();

        ImageStreamDefinition after =
                ImageStreamsConfiguration.get().getStreams().get(0);
        j.assertEqualDataBoundBeans(before, after);
        TagDefinition registry = after.getTags().get(0);
        assertThat(registry.isScheduled()).isFalse();
        assertThat(registry.isInsecure()).isTrue();
        assertThat(registry.getImportMode()).isEqualTo("Legacy");
        assertThat(registry.getPlatforms()).isEqualTo("linux/amd64, linux/arm64/v8");
        assertThat(registry.getCredentialsId()).isEqualTo("robot");
    }

    @Test
    public void shouldLogNoExpressionFailureOfOursWhenTheFormIsRendered() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            web.goTo("manage/configure");
            int withoutStreams = logs.getRecords().size();
            configure();

            web.goTo("manage/configure");

            assertThat(logs.getRecords().size() - withoutStreams)
                    .as(
                            "warnings of the second rendering beyond those of the page without streams: %s",
                            logs.getMessages())
                    .isEqualTo(withoutStreams);
        }
    }
}
