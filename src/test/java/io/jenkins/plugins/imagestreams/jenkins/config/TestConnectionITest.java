package io.jenkins.plugins.imagestreams.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.jenkins.plugins.imagestreams.jenkins.security.ImageStreamPermissions;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * "Test connection" of a registry tag against the real registry (plain HTTP and htpasswd): the digest on success,
 * the typed failure otherwise, never a secret; POST only, Overall/Administer only.
 */
public class TestConnectionITest {
    private static final String WRONG_PASSWORD = "not-the-password-42";

    @ClassRule
    public static LocalRegistry plain = LocalRegistry.plain();

    @ClassRule
    public static LocalRegistry htpasswd = LocalRegistry.htpasswd();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private String plainDigest;
    private String protectedDigest;

    @Before
    public void setUp() throws Exception {
        plainDigest = plain.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);
        protectedDigest = htpasswd.pushImage("team/secret", "v1", ManifestFormat.DOCKER_SCHEMA2);
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .addAll(List.of(
                        new UsernamePasswordCredentialsImpl(
                                CredentialsScope.GLOBAL, "good", "", htpasswd.username(), htpasswd.password()),
                        new UsernamePasswordCredentialsImpl(
                                CredentialsScope.GLOBAL, "wrong", "", htpasswd.username(), WRONG_PASSWORD)));
        SystemCredentialsProvider.getInstance().save();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Jenkins.MANAGE, ImageStreamPermissions.CONFIGURE)
                .everywhere()
                .to("manager"));
    }

    private String test(final String user, final Map<String, String> fields) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login(user)) {
            web.setThrowExceptionOnFailingStatusCode(false);
            Page page = TestConnectionEndpoint.post(j, web, fields);
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            return page.getWebResponse().getContentAsString();
        }
    }

    /** The fields the button sends for an insecure tag of a registry that the entered allowlist names. */
    private static Map<String, String> fields(
            final LocalRegistry registry, final String image, final String credentialsId) {
        return Map.of(
                "image",
                image,
                "credentialsId",
                credentialsId,
                "insecure",
                "true",
                "allowedRegistries",
                registry.hostAndPort());
    }

    @Test
    public void shouldShowTheDigestOfAReachableImage() throws Exception {
        String answer = test("admin", fields(plain, plain.imageReference("demo/app", "v1"), ""));

        assertThat(answer)
                .contains("class=\"ok\"")
                .contains(plain.imageReference("demo/app", "v1") + " resolves to " + plainDigest)
                .contains("application/vnd.oci.image.manifest.v1+json");
    }

    @Test
    public void shouldResolveWithTheSelectedCredentials() throws Exception {
        String answer = test("admin", fields(htpasswd, htpasswd.imageReference("team/secret", "v1"), "good"));

        assertThat(answer).contains("resolves to " + protectedDigest).doesNotContain(htpasswd.password());
    }

    @Test
    public void shouldShowUnauthorizedForAWrongPasswordWithoutTheSecret() throws Exception {
        String answer = test("admin", fields(htpasswd, htpasswd.imageReference("team/secret", "v1"), "wrong"));

        assertThat(answer)
                .contains("class=\"error\"")
                .contains("Unauthorized: " + htpasswd.hostAndPort())
                .doesNotContain(WRONG_PASSWORD)
                .doesNotContain(protectedDigest);
    }

    @Test
    public void shouldShowNotFoundForAMissingTag() throws Exception {
        String answer = test("admin", fields(plain, plain.imageReference("demo/app", "missing"), ""));

        assertThat(answer).contains("NotFound: ");
    }

    @Test
    public void shouldNotContactARegistryOutsideTheEnteredAllowlist() throws Exception {
        String answer = test(
                "admin",
                Map.of(
                        "image", plain.imageReference("demo/app", "v1"),
                        "insecure", "true",
                        "allowedRegistries", "quay.io"));

        assertThat(answer)
                .contains("was not tested: the source must name a registry on the allowlist [quay.io]")
                .doesNotContain(plainDigest);
    }

    @Test
    public void shouldRefuseUsersWithoutAdminister() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("manager")) {
            web.setThrowExceptionOnFailingStatusCode(false);
            Page page = TestConnectionEndpoint.post(j, web, fields(plain, plain.imageReference("demo/app", "v1"), ""));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(page.getWebResponse().getContentAsString()).doesNotContain(plainDigest);
        }
    }

    @Test
    public void shouldRefuseGet() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("admin")) {
            web.setThrowExceptionOnFailingStatusCode(false);
            Page page = web.goTo(
                    TestConnectionEndpoint.PATH + "?insecure=true&allowedRegistries=" + plain.hostAndPort() + "&image="
                            + plain.imageReference("demo/app", "v1"),
                    null);

            assertThat(page.getWebResponse().getStatusCode()).isIn(404, 405);
            assertThat(page.getWebResponse().getContentAsString()).doesNotContain(plainDigest);
        }
    }

    @Test
    public void shouldAnswerTheButtonOfTheRegistryImageOnTheConfigurationPage() throws Exception {
        ImageStreamsConfiguration.get().setAllowedRegistries(plain.hostAndPort());
        TagDefinition tag = new TagDefinition("v1", new RegistryImageSource(plain.imageReference("demo/app", "v1")));
        tag.setInsecure(true);
        ImageStreamDefinition stream = new ImageStreamDefinition("demo");
        stream.setTags(List.of(tag, new TagDefinition("latest", new AliasSource("v1"))));
        ImageStreamsConfiguration.get().setStreams(List.of(stream));

        try (JenkinsRule.WebClient web = j.createWebClient().login("admin")) {
            HtmlPage page = web.goTo("configure");
            List<HtmlButton> buttons = page.getDocumentElement().getElementsByTagName("button").stream()
                    .filter(b -> b.getTextContent().trim().equals("Test connection"))
                    .map(HtmlButton.class::cast)
                    .toList();
            assertThat(buttons)
                    .as("only the registry image has the button, not the alias")
                    .hasSize(1);

            buttons.get(0).click();
            web.waitForBackgroundJavaScript(10_000);

            DomNode status =
                    buttons.get(0).getParentNode().querySelector(".jenkins-validate-button__container__status");
            assertThat(status.getTextContent()).contains("resolves to " + plainDigest);
        }
    }
}
