package io.jenkins.plugins.imagestreams.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.jenkins.config.AliasSource;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamDefinition;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.RegistryImageSource;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import io.jenkins.plugins.imagestreams.jenkins.security.ImageStreamPermissions;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The management page, its POST-only actions with permission checks, and {@code api/json}. */
public class ImageStreamsPageITest {
    private static final Digest FIRST = Digest.sha256Of("first".getBytes(StandardCharsets.UTF_8));
    private static final Digest SECOND = Digest.sha256Of("second".getBytes(StandardCharsets.UTF_8));

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private ImageStreams service;

    @Before
    public void defineStreamWithHistory() {
        ImageStreamDefinition python = new ImageStreamDefinition("python");
        python.setTags(List.of(
                new TagDefinition("3.12", new RegistryImageSource("docker.io/library/python:3.12")),
                new TagDefinition("latest", new AliasSource("3.12"))));
        ImageStreamsConfiguration.get().setStreams(List.of(python));
        service = ImageStreamsService.get().streams();
        service.recordPush(
                "python", "pr-7", ImageReference.parse("registry.example.com/python@" + FIRST), Map.of(), "alice");
        service.recordPush(
                "python", "pr-7", ImageReference.parse("registry.example.com/python@" + SECOND), Map.of(), "bob");

        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, ImageStreamPermissions.VIEW)
                .everywhere()
                .to("viewer")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader"));
    }

    @Test
    public void shouldShowTagsDigestsAndHistory() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("admin")) {
            HtmlPage list = web.goTo("manage/imagestreams/");
            assertThat(list.asNormalizedText()).contains("python");

            String page = web.goTo("manage/imagestreams/python/").asNormalizedText();

            assertThat(page)
                    .contains(
                            "3.12",
                            "latest",
                            "Alias of 3.12 in this stream",
                            "Follows 3.12",
                            "stream's interval",
                            "pr-7",
                            SECOND.shortForm(),
                            "registry.example.com/python@" + SECOND,
                            "recordPush",
                            "alice",
                            "bob",
                            "Not imported yet");
        }
    }

    @Test
    public void shouldRollBackThroughConfirmationWithPost() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("admin")) {
            HtmlPage confirm = web.goTo("manage/imagestreams/python/confirm?action=rollback&tag=pr-7&to=" + FIRST);
            assertThat(confirm.asNormalizedText()).contains("Roll tag pr-7 back to " + FIRST);

            j.submit(confirm.getFormByName("confirm"));

            assertThat(service.current("python", "pr-7").orElseThrow().digest()).isEqualTo(FIRST);
            assertThat(service.history("python", "pr-7").get(0).user()).isEqualTo("admin");
        }
    }

    @Test
    public void shouldRefuseGetOnActions() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("admin")) {
            web.setThrowExceptionOnFailingStatusCode(false);
            Page page = web.goTo("manage/imagestreams/python/rollback?tag=pr-7&to=previous", null);

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(405);
            assertThat(service.current("python", "pr-7").orElseThrow().digest()).isEqualTo(SECOND);
        }
    }

    @Test
    public void shouldRefuseTaggingForViewOnlyUser() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("viewer")) {
            assertThat(web.goTo("manage/imagestreams/python/").asNormalizedText())
                    .contains("pr-7")
                    .doesNotContain("Roll back to this")
                    .doesNotContain("Delete tag");

            WebRequest post = new WebRequest(
                    new URL(j.getURL(), "manage/imagestreams/python/rollback?tag=pr-7&to=previous"), HttpMethod.POST);
            web.setThrowExceptionOnFailingStatusCode(false);
            Page page = web.getPage(web.addCrumb(post));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(service.current("python", "pr-7").orElseThrow().digest()).isEqualTo(SECOND);
        }
    }

    @Test
    public void shouldHideStreamsFromUsersWithoutView() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            web.setThrowExceptionOnFailingStatusCode(false);

            Page page = web.goTo("manage/imagestreams/api/json", null);

            boolean refused = page.getWebResponse().getStatusCode() == 403
                    || page.getUrl().toString().contains("/login");
            assertThat(refused)
                    .as("anonymous is refused or sent to the login page")
                    .isTrue();
            assertThat(page.getWebResponse().getContentAsString())
                    .doesNotContain(SECOND.toString())
                    .doesNotContain("\"streams\"");
        }
    }

    @Test
    public void shouldImplyViewFromOverallRead() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("reader")) {
            JSONObject json =
                    web.getJSON("manage/imagestreams/api/json?depth=1").getJSONObject();

            assertThat(json.getJSONArray("streams").getJSONObject(0).getString("name"))
                    .isEqualTo("python");
        }
    }

    @Test
    public void shouldRejectBadRollbackWithFieldMessage() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("admin")) {
            WebRequest post = new WebRequest(
                    new URL(j.getURL(), "manage/imagestreams/python/rollback?tag=pr-7&to=42"), HttpMethod.POST);
            web.setThrowExceptionOnFailingStatusCode(false);
            Page page = web.getPage(web.addCrumb(post));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getContentAsString()).contains("to: must select an entry");
        }
    }

    @Test
    public void shouldExportStreamsAsJson() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("viewer")) {
            JSONObject json =
                    web.getJSON("manage/imagestreams/python/api/json?depth=2").getJSONObject();

            assertThat(json.getString("name")).isEqualTo("python");
            JSONObject pr = json.getJSONArray("tags").stream()
                    .map(JSONObject.class::cast)
                    .filter(t -> t.getString("name").equals("pr-7"))
                    .findFirst()
                    .orElseThrow();
            assertThat(pr.getString("digest")).isEqualTo(SECOND.toString());
            assertThat(pr.getJSONArray("history").size()).isEqualTo(2);
            assertThat(pr.getJSONArray("history").getJSONObject(0).getString("cause"))
                    .isEqualTo("recordPush");
            JSONObject latest = json.getJSONArray("tags").getJSONObject(1);
            assertThat(latest.getString("aliasOf")).isEqualTo("3.12");
        }
    }

    @Test
    public void shouldApplyPerStreamLists() throws Exception {
        ImageStreamDefinition secret = new ImageStreamDefinition("secret");
        secret.setViewers("bob");
        secret.setTaggers("bob");
        ImageStreamDefinition python =
                ImageStreamsConfiguration.get().getStreams().get(0);
        python.setTaggers("admins-only");
        ImageStreamsConfiguration.get().setStreams(List.of(python, secret));

        try (JenkinsRule.WebClient web = j.createWebClient().login("viewer")) {
            web.setThrowExceptionOnFailingStatusCode(false);
            assertThat(web.goTo("manage/imagestreams/").asNormalizedText())
                    .contains("python")
                    .doesNotContain("secret");
            assertThat(web.goTo("manage/imagestreams/secret/").getWebResponse().getStatusCode())
                    .isEqualTo(404);
        }
        try (JenkinsRule.WebClient web = j.createWebClient().login("admin")) {
            assertThat(web.goTo("manage/imagestreams/").asNormalizedText()).contains("secret");
        }
    }

    @Test
    public void shouldRefuseTaggingOutsideTheStreamList() throws Exception {
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, ImageStreamPermissions.TAG)
                .everywhere()
                .to("tagger"));
        ImageStreamDefinition python =
                ImageStreamsConfiguration.get().getStreams().get(0);
        python.setTaggers("someone-else");
        ImageStreamsConfiguration.get().setStreams(List.of(python));

        try (JenkinsRule.WebClient web = j.createWebClient().login("tagger")) {
            WebRequest post = new WebRequest(
                    new URL(j.getURL(), "manage/imagestreams/python/rollback?tag=pr-7&to=previous"), HttpMethod.POST);
            web.setThrowExceptionOnFailingStatusCode(false);

            assertThat(web.getPage(web.addCrumb(post)).getWebResponse().getStatusCode())
                    .isEqualTo(403);
            assertThat(service.current("python", "pr-7").orElseThrow().digest()).isEqualTo(SECOND);
        }
    }

    @Test
    public void shouldNotFindUnknownStream() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("admin")) {
            web.setThrowExceptionOnFailingStatusCode(false);
            assertThat(web.goTo("manage/imagestreams/nope/").getWebResponse().getStatusCode())
                    .isEqualTo(404);
        }
    }
}
