package io.jenkins.plugins.imagestreams.jenkins.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * Spec and status stay apart: saving the configuration, reapplying JCasC and restarting Jenkins keep every tag's
 * history; removing a tag from the spec archives its history instead of losing it.
 */
public class StatusPersistenceITest {
    private static final Digest PUSHED = Digest.sha256Of("pushed".getBytes(StandardCharsets.UTF_8));

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Test
    public void shouldKeepHistoryAcrossSaveJcascAndRestart() throws Throwable {
        sessions.then(j -> {
            applySampleAndPush();

            j.configRoundtrip();
            applySample();

            assertThat(history("python", "3.12"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.digest()).isEqualTo(PUSHED));
            assertThat(history("app", "base"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.cause()).isEqualTo(TagEventCause.TAG));
        });
        sessions.then(j -> {
            assertThat(ImageStreamsConfiguration.get().toModel()).hasSize(2);
            assertThat(history("python", "3.12")).singleElement().satisfies(e -> {
                assertThat(e.digest()).isEqualTo(PUSHED);
                assertThat(e.user()).isEqualTo("alice");
            });
            assertThat(history("python", "latest")).extracting(TagEvent::digest).containsExactly(PUSHED);
            assertThat(Files.exists(j.jenkins.getRootDir().toPath().resolve("imagestreams/python.json")))
                    .isTrue();
        });
    }

    @Test
    public void shouldArchiveHistoryOfTagRemovedFromSpec() throws Throwable {
        sessions.then(j -> {
            applySampleAndPush();
            ImageStreamsService.get().streams().reconcile("python");

            Path withoutTag = Files.createTempFile("jcasc", ".yaml");
            Files.writeString(
                    withoutTag,
                    String.join(
                            "\n",
                            "unclassified:",
                            "  imageStreams:",
                            "    streams:",
                            "      - name: \"python\"",
                            "        tags:",
                            "          - name: \"3.13\"",
                            "            from:",
                            "              registryImage:",
                            "                image: \"docker.io/library/python:3.13\"",
                            ""),
                    StandardCharsets.UTF_8);
            ConfigurationAsCode.get().configure(withoutTag.toString());
        });
        sessions.then(j -> {
            List<io.jenkins.plugins.imagestreams.core.model.TagHistory> archived =
                    ImageStreamsService.get().streams().status("python").archived();
            assertThat(archived).singleElement().satisfies(h -> {
                assertThat(h.tag()).isEqualTo("3.12");
                assertThat(h.current().orElseThrow().digest()).isEqualTo(PUSHED);
            });
        });
    }

    private static void applySampleAndPush() throws Exception {
        applySample();
        ImageStreamsService.get()
                .streams()
                .recordPush(
                        "python",
                        "3.12",
                        ImageReference.parse("registry.example.com/python@" + PUSHED),
                        Map.of(),
                        "alice");
    }

    private static void applySample() throws Exception {
        ConfigurationAsCode.get()
                .configure(
                        Path.of("docs/examples/jenkins.yaml").toAbsolutePath().toString());
    }

    private static List<TagEvent> history(final String stream, final String tag) {
        return ImageStreamsService.get().streams().history(stream, tag);
    }
}
