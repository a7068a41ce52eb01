package io.jenkins.plugins.imagestreams.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;

/**
 * Saving the configuration: one form submit or JCasC apply saves (and so reconciles every stream) once; a narrowed
 * allowlist is checked against the streams and a rejected save changes nothing.
 */
public class ConfigurationSaveITest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    /** Counts the saves of the plugin's configuration. */
    @TestExtension
    public static class SaveCounter extends SaveableListener {
        static final AtomicInteger SAVES = new AtomicInteger();

        @Override
        public void onChange(final Saveable o, final XmlFile file) {
            if (o instanceof ImageStreamsConfiguration) {
                SAVES.incrementAndGet();
            }
        }
    }

    private static ImageStreamDefinition stream(final String name, final String image) {
        ImageStreamDefinition stream = new ImageStreamDefinition(name);
        stream.setTags(List.of(new TagDefinition("1.0", new RegistryImageSource(image))));
        return stream;
    }

    @Before
    public void defineStreams() {
        ImageStreamsConfiguration.get()
                .setStreams(List.of(stream("web", "ghcr.io/org/web:1.0"), stream("api", "python:3.12")));
        SaveCounter.SAVES.set(0);
    }

    private String savedFile() throws Exception {
        return Files.readString(
                j.jenkins.getRootDir().toPath().resolve(ImageStreamsConfiguration.class.getName() + ".xml"),
                StandardCharsets.UTF_8);
    }

    @Test
    public void shouldSaveOnceWhenTheFormIsSubmitted() throws Exception {
        j.configRoundtrip();

        assertThat(SaveCounter.SAVES).hasValue(1);
        assertThat(ImageStreamsConfiguration.get().toModel())
                .extracting(ImageStream::name)
                .containsExactly("web", "api");
    }

    @Test
    public void shouldRejectANarrowedAllowlistNamingEveryStreamOutsideItAndChangeNothing() throws Exception {
        String before = savedFile();
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            web.setThrowExceptionOnFailingStatusCode(false);
            HtmlPage page = web.goTo("configure");
            HtmlForm form = page.getFormByName("config");
            HtmlTextArea allowlist = form.getTextAreaByName("_.allowedRegistries");
            allowlist.setText("quay.io");

            HtmlPage answer = j.submit(form);

            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(answer.getWebResponse().getContentAsString())
                    .contains("allowedRegistries: must still allow every registry the streams import from;"
                            + " outside it: web:1.0 (ghcr.io), api:1.0 (docker.io) (got ");
        }
        assertThat(SaveCounter.SAVES).hasValue(0);
        assertThat(ImageStreamsConfiguration.get().getAllowedRegistries()).isEmpty();
        assertThat(ImageStreamsConfiguration.get().getStreams()).hasSize(2);
        assertThat(savedFile()).isEqualTo(before);
    }

    @Test
    public void shouldRejectANarrowedAllowlistSetAlone() throws Exception {
        assertThatThrownBy(() -> ImageStreamsConfiguration.get().setAllowedRegistries("ghcr.io"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("allowedRegistries: must still allow every registry the streams import from;"
                        + " outside it: api:1.0 (docker.io) (got 'ghcr.io')");
        assertThat(ImageStreamsConfiguration.get().getAllowedRegistries()).isEmpty();
        assertThat(SaveCounter.SAVES).hasValue(0);

        ImageStreamsConfiguration.get().setAllowedRegistries("ghcr.io, docker.io");

        assertThat(ImageStreamsConfiguration.get().toAllowlist().entries()).containsExactly("ghcr.io", "docker.io");
        assertThat(SaveCounter.SAVES).hasValue(1);
    }

    @Test
    public void shouldApplyAllowlistAndStreamsTogetherFromJcascWithOneSave() throws Exception {
        Jcasc.apply(
                temp,
                Jcasc.imageStreams(
                        "allowedRegistries: \"quay.io\"",
                        "streams:",
                        "  - name: \"web\"",
                        "    tags:",
                        "      - name: \"1.0\"",
                        "        from:",
                        "          registryImage:",
                        "            image: \"quay.io/org/web:1.0\""));

        assertThat(SaveCounter.SAVES).hasValue(1);
        assertThat(ImageStreamsConfiguration.get().toAllowlist().entries()).containsExactly("quay.io");
        assertThat(ImageStreamsConfiguration.get().toModel())
                .extracting(ImageStream::name)
                .containsExactly("web");
    }

    @Test
    public void shouldRejectJcascThatNarrowsTheAllowlistBelowItsStreamsAndKeepEverything() throws Exception {
        String before = savedFile();

        assertThatThrownBy(() -> Jcasc.apply(temp, Jcasc.imageStreams("allowedRegistries: \"quay.io\"")))
                .hasStackTraceContaining("outside it: web:1.0 (ghcr.io), api:1.0 (docker.io)");

        assertThat(SaveCounter.SAVES).hasValue(0);
        assertThat(ImageStreamsConfiguration.get().getAllowedRegistries()).isEmpty();
        assertThat(savedFile()).isEqualTo(before);
    }
}
