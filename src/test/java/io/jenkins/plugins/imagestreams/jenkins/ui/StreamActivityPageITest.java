package io.jenkins.plugins.imagestreams.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.jenkins.config.AliasSource;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamDefinition;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.RegistryImageSource;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import io.jenkins.plugins.imagestreams.jenkins.polling.ManualPolling;
import io.jenkins.plugins.imagestreams.jenkins.security.ImageStreamPermissions;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import io.jenkins.plugins.imagestreams.jenkins.trigger.ImageStreamTrigger;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.time.Instant;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The stream page shows what the poller and the triggers know: each registry tag's next import, "importing…" while
 * an import is pending, and the jobs subscribed to each tag with the digest they were last triggered for (only jobs
 * the viewer may see); {@code api/json} carries the same.
 */
public class StreamActivityPageITest {
    static {
        ManualPolling.install();
    }

    private static final String REPOSITORY = "demo/app";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public LocalRegistry registry = LocalRegistry.plain();

    private String first;

    @Before
    public void setUp() throws Exception {
        first = registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        ImageStreamsConfiguration configuration = ImageStreamsConfiguration.get();
        configuration.setAllowedRegistries(registry.hostAndPort());
        TagDefinition latest =
                new TagDefinition("latest", new RegistryImageSource(registry.imageReference(REPOSITORY, "latest")));
        latest.setInsecure(true);
        ImageStreamDefinition stream = new ImageStreamDefinition("app");
        stream.setImportIntervalMinutes(60);
        stream.setTags(List.of(latest, new TagDefinition("stable", new AliasSource("latest"))));
        configuration.setStreams(List.of(stream));
        j.createFreeStyleProject("deploy").addTrigger(new ImageStreamTrigger("app", "latest"));
        j.createFreeStyleProject("secret-job").addTrigger(new ImageStreamTrigger("app", "latest"));
        j.createFreeStyleProject("smoke").addTrigger(new ImageStreamTrigger("app", "stable"));

        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, ImageStreamPermissions.VIEW)
                .everywhere()
                .to("viewer")
                .grant(Item.READ)
                .onItems(j.jenkins.getItemByFullName("deploy", FreeStyleProject.class))
                .to("viewer"));
    }

    private void poll() throws Exception {
        ManualPolling.runOnce();
        j.waitUntilNoActivity();
    }

    /** Moves the registry tag, asks for an import and polls: the subscribed jobs are triggered for the new digest. */
    private String moveTagAndImport() throws Exception {
        String moved = registry.moveTag(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        ImageStreamsService.get().streams().requestImport("app", "latest");
        poll();
        return moved;
    }

    private String page(final String user) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login(user)) {
            return web.goTo("manage/imagestreams/app/").asNormalizedText();
        }
    }

    @Test
    public void shouldShowImportingAndDueNowWhileAnImportIsPending() throws Exception {
        assertThat(page("admin")).contains("Due now: the next poll imports it.");

        poll();
        ImageStreamsService.get().streams().requestImport("app", "latest");

        assertThat(page("admin")).contains("importing…").contains("Due now: the next poll imports it.");
    }

    @Test
    public void shouldShowNextImportAndDownstreamJobsWithTheirLastTriggeredDigest() throws Exception {
        poll();
        String moved = moveTagAndImport();

        String page = page("admin");

        assertThat(page)
                .contains("Next import in")
                .contains("Downstream jobs")
                .contains("deploy: last triggered for " + Digest.parse(moved).shortForm())
                .contains(
                        "secret-job: last triggered for " + Digest.parse(moved).shortForm())
                .contains("smoke: last triggered for " + Digest.parse(moved).shortForm())
                .doesNotContain("importing…");
    }

    @Test
    public void shouldShowTheBaselineBeforeTheFirstTrigger() throws Exception {
        poll();

        assertThat(page("admin"))
                .contains("deploy: not triggered yet; waiting for a change from "
                        + Digest.parse(first).shortForm());
    }

    @Test
    public void shouldHideJobsTheViewerMayNotSee() throws Exception {
        poll();

        assertThat(page("viewer"))
                .contains("deploy")
                .doesNotContain("secret-job")
                .doesNotContain("smoke");
    }

    @Test
    public void shouldExportNextImportAndDownstreamJobsInJson() throws Exception {
        poll();
        String moved = moveTagAndImport();

        JSONObject json;
        try (JenkinsRule.WebClient web = j.createWebClient().login("admin")) {
            json = web.getJSON("manage/imagestreams/app/api/json?depth=3").getJSONObject();
        }

        JSONObject latest = json.getJSONArray("tags").getJSONObject(0);
        assertThat(latest.getString("name")).isEqualTo("latest");
        assertThat(latest.getString("nextImportReason")).isEqualTo("NOT_YET");
        assertThat(Instant.parse(latest.getString("nextImportAt"))).isAfter(Instant.now());
        JSONArray jobs = latest.getJSONArray("downstreamJobs");
        assertThat(jobs.size()).isEqualTo(2);
        JSONObject deploy = jobs.getJSONObject(0);
        assertThat(deploy.getString("job")).isEqualTo("deploy");
        assertThat(deploy.getString("lastTriggeredDigest")).isEqualTo(moved);
        assertThat(Instant.parse(deploy.getString("lastTriggeredAt"))).isBefore(Instant.now());
        assertThat(deploy.getBoolean("pending")).isFalse();
        JSONObject stable = json.getJSONArray("tags").getJSONObject(1);
        assertThat(stable.getString("nextImportReason")).isEmpty();
        assertThat(stable.getJSONArray("downstreamJobs").getJSONObject(0).getString("job"))
                .isEqualTo("smoke");
    }
}
