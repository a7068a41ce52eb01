package io.jenkins.plugins.imagestreams.jenkins.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import io.jenkins.plugins.imagestreams.jenkins.security.ImageStreamPermissions;
import io.jenkins.plugins.imagestreams.testing.jenkins.IntegrationTestWithRegistry;
import io.jenkins.plugins.imagestreams.testing.jenkins.JenkinsStreams;
import io.jenkins.plugins.imagestreams.testing.jenkins.ManualPolling;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockFolder;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;

/** Downstream jobs listed on a stream tag in the global configuration: triggering, JCasC and the form check. */
public class DownstreamJobsITest extends IntegrationTestWithRegistry {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldBuildEveryListedJobOnceWhenTheTagMovesEvenAPipelineThatNeverRan() throws Exception {
        String first = registry.pushImage(REPOSITORY, "latest", ManifestFormat.OCI_MANIFEST);
        FreeStyleProject deploy = j.createFreeStyleProject("deploy-app");
        MockFolder team = j.createFolder("team");
        FreeStyleProject smoke = team.createProject(FreeStyleProject.class, "smoke");
        WorkflowJob pipeline = j.createProject(WorkflowJob.class, "pipeline");
        pipeline.setDefinition(new CpsFlowDefinition("echo \"deploying ${env.IMAGESTREAM_DIGEST}\"", true));
        TagDefinition latest = JenkinsStreams.registryTag(registry, "latest", REPOSITORY);
        latest.setDownstreamJobs("deploy-app, team/smoke, /pipeline, not-created-yet");
        JenkinsStreams.configure(registry, JenkinsStreams.stream("app", latest));

        ManualPolling.tickAndWait(j);
        List<Job<?, ?>> jobs = List.of(deploy, smoke, pipeline);
        assertThat(jobs).allSatisfy(job -> assertThat(job.getBuilds()).isEmpty());

        String moved = JenkinsStreams.moveApp(registry);
        ManualPolling.tickAndWait(j);
        ManualPolling.tickAndWait(j);

        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.getBuilds()).hasSize(1);
            ImageStreamCause cause = job.getLastBuild().getCause(ImageStreamCause.class);
            assertThat(cause.getDigest()).isEqualTo(moved);
            assertThat(cause.getPreviousDigest()).contains(first);
        });
        j.assertLogContains("deploying " + moved, pipeline.getLastBuild());
    }

    @Test
    public void shouldKeepDownstreamJobsThroughJcascTheFormAndTheExport() throws Exception {
        Path yaml = temp.newFile("downstream.yaml").toPath();
        Files.writeString(
                yaml,
                String.join(
                        "\n",
                        "unclassified:",
                        "  imageStreams:",
                        "    streams:",
                        "      - name: \"app\"",
                        "        tags:",
                        "          - name: \"latest\"",
                        "            from:",
                        "              registryImage:",
                        "                image: \"registry.example.com/demo/app:latest\"",
                        "            downstreamJobs: \"deploy-app, team/smoke\"",
                        ""),
                StandardCharsets.UTF_8);

        ConfigurationAsCode.get().configure(yaml.toString());
        j.configRoundtrip();
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(exported);

        assertThat(ImageStreamsConfiguration.get().getStreams().get(0).getTags())
                .singleElement()
                .satisfies(t -> assertThat(t.getDownstreamJobs()).isEqualTo("deploy-app, team/smoke"));
        assertThat(exported.toString(StandardCharsets.UTF_8)).contains("downstreamJobs: \"deploy-app, team/smoke\"");
    }

    @Test
    public void shouldCheckAndCompleteNamesOnlyForUsersWhoMayConfigureStreams() throws Exception {
        j.createFreeStyleProject("deploy-app");
        j.createFreeStyleProject("deploy-web");
        j.createFolder("secret").createProject(FreeStyleProject.class, "hidden");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .toEveryone()
                .grant(ImageStreamPermissions.CONFIGURE)
                .everywhere()
                .to("configurer")
                .grant(Item.READ)
                .onItems(j.jenkins.getItem("deploy-app"), j.jenkins.getItem("deploy-web"))
                .to("configurer"));
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator()
                        .authenticate("deploy-web", User.getById("bob", true).impersonate2()));
        TagDefinition.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(TagDefinition.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThat(descriptor.doCheckDownstreamJobs("nope").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doAutoCompleteDownstreamJobs("dep").getValues())
                    .isEmpty();
        }
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            assertThat(descriptor.doCheckDownstreamJobs("deploy-app").kind).isEqualTo(FormValidation.Kind.OK);
            FormValidation unknown = descriptor.doCheckDownstreamJobs("nope, secret/hidden");
            assertThat(unknown.kind).isEqualTo(FormValidation.Kind.WARNING);
            assertThat(unknown.renderHtml())
                    .contains("no job named &#039;nope&#039; that you can see")
                    .contains("no job named &#039;secret/hidden&#039; that you can see");
            assertThat(descriptor.doCheckDownstreamJobs("deploy-web").renderHtml())
                    .contains("will not be triggered: builds of deploy-web run as bob, who cannot see it");
            assertThat(descriptor.doAutoCompleteDownstreamJobs("dep").getValues())
                    .containsExactlyInAnyOrder("deploy-app", "deploy-web");
            assertThat(descriptor.doAutoCompleteDownstreamJobs("sec").getValues())
                    .isEmpty();
        }
        JenkinsRule.WebClient web = j.createWebClient().login("configurer");
        WebRequest check = new WebRequest(
                new URL(
                        j.getURL(),
                        "descriptorByName/" + TagDefinition.class.getName() + "/checkDownstreamJobs?value=nope"),
                HttpMethod.POST);
        web.addCrumb(check);
        assertThat(web.getPage(check).getWebResponse().getContentAsString()).contains("no job named");
        web.setThrowExceptionOnFailingStatusCode(false);
        assertThat(web.goTo("descriptorByName/" + TagDefinition.class.getName() + "/checkDownstreamJobs?value=nope")
                        .getWebResponse()
                        .getStatusCode())
                .as("@POST: a GET finds no such endpoint")
                .isEqualTo(404);
    }
}
