package io.jenkins.plugins.imagestreams.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.PluginWrapper;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import org.htmlunit.html.HtmlPage;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The plugin loads in a real Jenkins and its global configuration section renders. */
public class PluginSmokeITest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void shouldLoadPluginAsActive() {
        PluginWrapper plugin = j.jenkins.getPluginManager().getPlugin("imagestreams");

        assertThat(plugin).isNotNull();
        assertThat(plugin.isActive()).isTrue();
        assertThat(ImageStreamsConfiguration.get()).isNotNull();
    }

    @Test
    public void shouldRenderGlobalConfigurationSection() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlPage page = web.goTo("manage/configure");

            assertThat(page.asNormalizedText()).contains("ImageStreams");
            assertThat(page.getFormByName("config")).isNotNull();
        }
    }
}
