package io.jenkins.plugins.imagestreams.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;

/** The global configuration through JCasC (the README's and the sample file's YAML) and through the form. */
public class ImageStreamsConfigurationITest {
    private static final Path SAMPLE = Path.of("docs/examples/jenkins.yaml");

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldApplySampleJcascFile() throws Exception {
        Jcasc.apply(SAMPLE);

        List<ImageStream> streams = ImageStreamsConfiguration.get().toModel();

        assertThat(streams).extracting(ImageStream::name).containsExactly("python", "app");
        ImageStream python = streams.get(0);
        assertThat(python.resolveAlias("latest")).isEqualTo("3.12");
        assertThat(python.tag("3.12").orElseThrow().from())
                .isInstanceOfSatisfying(
                        TagSource.RegistryImage.class,
                        r -> assertThat(r.image()).hasToString("docker.io/library/python:3.12"));
        assertThat(python.tag("3.12").orElseThrow().importPolicy().platforms()).hasSize(2);
        assertThat(streams.get(1).tag("base").orElseThrow().from())
                .isEqualTo(new TagSource.StreamTag("python", "3.12"));
    }

    @Test
    public void shouldApplyReadmeYaml() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```yaml\\n(unclassified:.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find()).as("README has a JCasC example").isTrue();
        Jcasc.apply(temp, block.group(1));

        assertThat(ImageStreamsConfiguration.get().toModel())
                .singleElement()
                .satisfies(s -> assertThat(s.resolveAlias("latest")).isEqualTo("3.12"));
    }

    @Test
    public void shouldExportWhatWasImported() throws Exception {
        Jcasc.apply(SAMPLE);

        String exported = Jcasc.export();

        assertThat(exported)
                .contains("imageStreams:")
                .contains("registryImage:")
                .contains("image: \"docker.io/library/python:3.12\"")
                .contains("alias:")
                .contains("streamTag:");
        List<ImageStream> before = ImageStreamsConfiguration.get().toModel();
        Jcasc.apply(temp, exported);
        assertThat(ImageStreamsConfiguration.get().toModel()).isEqualTo(before);
    }

    @Test
    public void shouldRejectInvalidJcascAndKeepPreviousStreams() throws Exception {
        Jcasc.apply(SAMPLE);
        String broken = Jcasc.imageStreams(
                "streams:",
                "  - name: \"web\"",
                "    tags:",
                "      - name: \"latest\"",
                "        from:",
                "          alias:",
                "            tag: \"missing\"");

        assertThatThrownBy(() -> Jcasc.apply(temp, broken))
                .hasStackTraceContaining("streams.web.tags.latest.from: must be an alias of a tag defined in the same"
                        + " stream (got 'missing')");
        assertThat(ImageStreamsConfiguration.get().toModel())
                .extracting(ImageStream::name)
                .containsExactly("python", "app");
    }

    @Test
    public void shouldRejectSourcesOutsideTheAllowlist() throws Exception {
        Jcasc.apply(
                temp,
                Jcasc.imageStreams(
                        "allowedRegistries: \"quay.io, *.example.com\"",
                        "streams:",
                        "  - name: \"web\"",
                        "    tags:",
                        "      - name: \"1.0\"",
                        "        from:",
                        "          registryImage:",
                        "            image: \"registry.example.com/web:1.0\""));
        assertThat(ImageStreamsConfiguration.get().toAllowlist().entries()).containsExactly("quay.io", "*.example.com");

        ImageStreamDefinition outside = new ImageStreamDefinition("ghcr");
        outside.setTags(List.of(new TagDefinition("1.0", new RegistryImageSource("ghcr.io/org/app:1.0"))));

        assertThatThrownBy(() -> ImageStreamsConfiguration.get().setStreams(List.of(outside)))
                .hasMessage("streams.ghcr.tags.1.0.from: must name a registry on the allowlist [quay.io, *.example.com]"
                        + " (got 'ghcr.io')");
        assertThat(ImageStreamsConfiguration.get().toModel())
                .extracting(ImageStream::name)
                .containsExactly("web");
    }

    @Test
    public void shouldAllowInsecureOnlyForListedRegistries() {
        ImageStreamDefinition local = new ImageStreamDefinition("local");
        TagDefinition tag = new TagDefinition("dev", new RegistryImageSource("localhost:5000/app:dev"));
        tag.setInsecure(true);
        local.setTags(List.of(tag));

        assertThatThrownBy(() -> ImageStreamsConfiguration.get().setStreams(List.of(local)))
                .hasMessageContaining("must name a registry on the allowlist to be insecure");

        ImageStreamsConfiguration.get().setAllowedRegistries("localhost:5000");
        ImageStreamsConfiguration.get().setStreams(List.of(local));
        assertThat(ImageStreamsConfiguration.get().toModel()).hasSize(1);
        assertThatThrownBy(() -> ImageStreamsConfiguration.get().setAllowedRegistries("https://quay.io"))
                .hasMessageStartingWith("allowedRegistries: must be a registry host");
        assertThat(ImageStreamsConfiguration.get().getAllowedRegistries()).isEqualTo("localhost:5000");
    }

    @Test
    public void shouldApplyAnInsecureTagAllowlistedInTheSameFile() throws Exception {
        // streams: comes before allowedRegistries: on purpose; JCasC must apply the file as a whole
        Jcasc.apply(
                temp,
                Jcasc.imageStreams(
                        "streams:",
                        "  - name: \"local\"",
                        "    tags:",
                        "      - name: \"dev\"",
                        "        insecure: true",
                        "        from:",
                        "          registryImage:",
                        "            image: \"localhost:5000/app:dev\"",
                        "registries:",
                        "  - registry: \"localhost:5000\"",
                        "    insecure: true",
                        "allowedRegistries: \"localhost:5000\""));

        assertThat(ImageStreamsConfiguration.get().toModel())
                .extracting(ImageStream::name)
                .containsExactly("local");
        assertThat(ImageStreamsConfiguration.get().toAllowlist().entries()).containsExactly("localhost:5000");
        assertThat(ImageStreamsConfiguration.get().getRegistries())
                .extracting(RegistryDefinition::getRegistry)
                .containsExactly("localhost:5000");
    }

    @Test
    public void shouldRejectNumbersJenkinsCannotConvertInsteadOfSavingZero() throws Exception {
        // Stapler converts these to null for an Integer (to 0 for an int). An unquoted YAML float such as 1.5 never
        // reaches the plugin: JCasC drops it without calling the setter, so only the quoted form is tested here.
        Jcasc.apply(temp, Jcasc.imageStreams("streams:", "  - name: \"web\"", "    historyMaxAgeHours: 48"));

        for (String[] bad : new String[][] {
            {"historyMaxAgeHours: 9223372036854775807", "historyMaxAgeHours: must be a whole number of hours, 0 or more"
            },
            {
                "importIntervalMinutes: \"15m\"",
                "importIntervalMinutes: must be a whole number of minutes between 1 and 10080"
            },
            {
                "importIntervalMinutes: 20161",
                "importIntervalMinutes: must be a whole number of minutes between 1 and 10080 (got '20161')"
            },
            {"historyRevisions: \"1.5\"", "historyRevisions: must be a whole number between 1 and 1000"},
        }) {
            assertThatThrownBy(() ->
                            Jcasc.apply(temp, Jcasc.imageStreams("streams:", "  - name: \"web\"", "    " + bad[0])))
                    .as(bad[0])
                    .satisfies(e -> assertThat(messages(e)).contains(bad[1]));
            assertThat(ImageStreamsConfiguration.get().getStreams().get(0).getHistoryMaxAgeHours())
                    .as(bad[0])
                    .isEqualTo(48);
        }
        assertThatThrownBy(() -> Jcasc.apply(
                        temp,
                        Jcasc.imageStreams(
                                "registries:", "  - registry: \"quay.io\"", "    connectTimeoutSeconds: \"10s\"")))
                .satisfies(e -> assertThat(messages(e))
                        .contains(
                                "registries.quay.io.connectTimeoutSeconds: must be a whole number of seconds between 1"
                                        + " and 300"));
        assertThat(ImageStreamsConfiguration.get().getRegistries()).isEmpty();
    }

    private static String messages(final Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    public void shouldRoundTripConfigurationForm() throws Exception {
        ImageStreamDefinition stream = new ImageStreamDefinition("web");
        stream.setDescription("front end");
        stream.setImportIntervalMinutes(30);
        TagDefinition tag = new TagDefinition("1.0", new RegistryImageSource("quay.io/org/web:1.0"));
        tag.setPlatforms("linux/amd64");
        StreamImageSource pin = new StreamImageSource("sha256:" + "b".repeat(64));
        pin.setStream("web");
        stream.setTags(
                List.of(tag, new TagDefinition("latest", new AliasSource("1.0")), new TagDefinition("golden", pin)));
        ImageStreamsConfiguration.get().setStreams(List.of(stream));

        j.configRoundtrip();

        ImageStreamsConfiguration after = ImageStreamsConfiguration.get();
        assertThat(after.getStreams()).hasSize(1);
        j.assertEqualDataBoundBeans(stream, after.getStreams().get(0));
        assertThat(after.toModel().get(0).importInterval()).hasMinutes(30);
    }

    @Test
    public void shouldPersistEmptiedList() throws Exception {
        ImageStreamsConfiguration.get().setStreams(List.of(new ImageStreamDefinition("web")));
        ImageStreamsConfiguration.get().setStreams(List.of());

        ImageStreamsConfiguration reloaded = new ImageStreamsConfiguration();

        assertThat(reloaded.getStreams()).isEmpty();
    }
}
