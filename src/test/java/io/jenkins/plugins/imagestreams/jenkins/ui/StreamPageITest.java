package io.jenkins.plugins.imagestreams.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.ImportOutcome;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.jenkins.config.AliasSource;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamDefinition;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.RegistryImageSource;
import io.jenkins.plugins.imagestreams.jenkins.config.StreamImageSource;
import io.jenkins.plugins.imagestreams.jenkins.config.StreamTagSource;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import io.jenkins.plugins.imagestreams.jenkins.polling.ManualPolling;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What a first-time user sees on the management page and a stream page: sources named for people, each failing
 * import counted once, the retry of a failed import beside its condition, the breadcrumb, readable platforms, and a
 * Jenkins page that says why an action was refused.
 */
public class StreamPageITest {
    static {
        ManualPolling.install();
    }

    private static final Digest PUSHED = Digest.sha256Of("pushed".getBytes(StandardCharsets.UTF_8));
    private static final Digest PIN = Digest.sha256Of("pin".getBytes(StandardCharsets.UTF_8));

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private ImageStreams service;
    private Instant retryAfter;

    @Before
    public void defineStreamsWithAFailingImport() {
        TagDefinition registry = new TagDefinition("3.12", new RegistryImageSource("docker.io/library/python:3.12"));
        registry.setPlatforms("linux/amd64, linux/arm/v7");
        ImageStreamDefinition python = new ImageStreamDefinition("python");
        python.setTags(List.of(registry, new TagDefinition("latest", new AliasSource("3.12"))));
        ImageStreamDefinition app = new ImageStreamDefinition("app");
        app.setTags(List.of(
                new TagDefinition("base", new StreamTagSource("python", "3.12")),
                new TagDefinition("golden", new StreamImageSource(PIN.toString())),
                new TagDefinition("fixed", new RegistryImageSource("docker.io/library/python@" + PIN))));
        ImageStreamsConfiguration.get().setStreams(List.of(python, app));
        service = ImageStreamsService.get().streams();
        retryAfter = Instant.now().plus(4, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        service.applyImport(
                "python",
                "3.12",
                new ImportOutcome.Failed(
                        ConditionReason.RateLimited,
                        "docker.io/library/python:3.12: 429 Too Many Requests",
                        Optional.of(retryAfter),
                        0));
        service.reconcile("app");
        service.recordPush(
                "python", "pr-7", ImageReference.parse("registry.example.com/python@" + PUSHED), Map.of(), "alice");
    }

    private static String row(final HtmlTable table, final String stream) {
        return table.getRows().stream()
                .filter(r -> r.getCell(0).asNormalizedText().startsWith(stream))
                .findFirst()
                .orElseThrow()
                .getCell(2)
                .asNormalizedText();
    }

    @Test
    public void shouldCountEachFailingImportOnceAtTheTagThatImports() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlTable streams = (HtmlTable) web.goTo("manage/imagestreams/").getElementById("imagestreams");

            assertThat(row(streams, "python"))
                    .as("3.12 fails; its alias latest shows the same condition")
                    .isEqualTo("1");
            assertThat(service.status("app").tag("base").flatMap(TagHistory::condition))
                    .hasValueSatisfying(c -> assertThat(c.status()).isFalse());
            assertThat(row(streams, "app"))
                    .as("the copy of python:3.12 has no digest because of 3.12's failure")
                    .isEqualTo("0");
            String page = web.goTo("manage/imagestreams/python/").asNormalizedText();
            assertThat(page).contains("Inherited from 3.12, the tag this alias follows; counted there.");
        }
    }

    @Test
    public void shouldNameSourcesForPeopleAndKeepTheOpenShiftKindInJson() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlPage python = web.goTo("manage/imagestreams/python/");
            HtmlPage app = web.goTo("manage/imagestreams/app/");

            assertThat(python.getElementById("source-3.12").asNormalizedText())
                    .isEqualTo("Registry image docker.io/library/python:3.12 (DockerImage)");
            assertThat(python.getElementById("source-latest").asNormalizedText())
                    .isEqualTo("Alias of 3.12 in this stream");
            assertThat(app.getElementById("source-base").asNormalizedText())
                    .isEqualTo("Stream tag copy python:3.12 (ImageStreamTag)");
            assertThat(app.getElementById("source-golden").asNormalizedText())
                    .isEqualTo("Pinned digest " + PIN + " (ImageStreamImage)");
            assertThat(python.getElementById("tag-3.12").asNormalizedText()).contains("Import now");
            assertThat(app.getElementById("tag-fixed").asNormalizedText())
                    .as("a registry image by digest is never imported")
                    .contains("Registry image docker.io/library/python@" + PIN + " (DockerImage)")
                    .doesNotContain("Import now");

            JSONObject json =
                    web.getJSON("manage/imagestreams/python/api/json?depth=2").getJSONObject();
            JSONObject tag = json.getJSONArray("tags").getJSONObject(0);
            assertThat(tag.getString("sourceKind")).isEqualTo("DockerImage");
            Set<String> keys = new TreeSet<>(tag.keySet());
            assertThat(keys)
                    .as("the page's labels stay out of the JSON")
                    .contains("name", "source", "sourceKind", "conditionStatus", "nextImportAt")
                    .doesNotContain("sourceType", "failingImport", "retry", "retryIn", "policyPlatforms");
        }
    }

    @Test
    public void shouldShowTheRetryBesideTheConditionWithTheAbsoluteTimeInATooltip() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlPage page = web.goTo("manage/imagestreams/python/");

            DomElement condition = page.getElementById("condition-3.12");
            assertThat(condition.asNormalizedText())
                    .contains("RateLimited: docker.io/library/python:3.12: 429 Too Many Requests")
                    .containsPattern("Retrying in [34] min( \\d+ sec)? \\(the registry asked to wait\\)\\.")
                    .contains("The registry's Retry-After: not before " + PageTimes.absolute(retryAfter) + ".");
            DomElement retry = page.getElementById("retry-3.12");
            assertThat(retry.getElementsByTagName("span").get(0).getAttribute("title"))
                    .isEqualTo(PageTimes.absolute(retryAfter));
            assertThat(page.getElementById("next-3.12"))
                    .as("the schedule does not repeat the retry")
                    .isNull();
        }
    }

    @Test
    public void shouldShowTheBreadcrumbAndReadablePlatforms() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlPage page = web.goTo("manage/imagestreams/python/");

            List<String> crumbs = page.getByXPath("//li[contains(@class,'jenkins-breadcrumbs__list-item')]").stream()
                    .map(e -> ((DomElement) e).asNormalizedText().trim())
                    .filter(t -> !t.isEmpty())
                    .toList();
            assertThat(crumbs).containsSubsequence("Manage Jenkins", "ImageStreams", "python");
            assertThat(page.getElementById("platforms-3.12").asNormalizedText())
                    .isEqualTo("Triggers on linux/amd64, linux/arm/v7");
            assertThat(page.getElementById("platforms-latest")).isNull();
        }
    }

    private Page post(final JenkinsRule.WebClient web, final String action) throws Exception {
        web.setThrowExceptionOnFailingStatusCode(false);
        WebRequest request =
                new WebRequest(new URL(j.getURL(), "manage/imagestreams/python/" + action), HttpMethod.POST);
        return web.getPage(web.addCrumb(request));
    }

    @Test
    public void shouldAnswerARefusedActionWithAJenkinsPageThatSaysWhyAndLinksBack() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            Page rollback = post(web, "rollback?tag=pr-7&to=42");
            Page importAlias = post(web, "importNow?tag=latest");
            Page deleteSpecTag = post(web, "deleteTag?tag=3.12");

            for (Page refused : List.of(rollback, importAlias, deleteSpecTag)) {
                assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
                HtmlPage html = (HtmlPage) refused;
                assertThat(html.asNormalizedText())
                        .contains("ImageStream python", "The action was not carried out:", "Nothing was changed.");
                assertThat(html.getElementById("back").getAttribute("href")).isEqualTo(".");
                assertThat(html.getElementById("back").asNormalizedText()).isEqualTo("Back to ImageStream python");
            }
            assertThat(((HtmlPage) rollback).getElementById("action-failed").asNormalizedText())
                    .contains("to: must select an entry");
            assertThat(((HtmlPage) importAlias).getElementById("action-failed").asNormalizedText())
                    .contains("tag: must import from a registry");
            assertThat(service.current("python", "pr-7").orElseThrow().digest()).isEqualTo(PUSHED);
            assertThat(service.status("python").tag("3.12")).isPresent();
        }
    }
}
