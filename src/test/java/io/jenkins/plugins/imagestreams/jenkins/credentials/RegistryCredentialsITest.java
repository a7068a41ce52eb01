package io.jenkins.plugins.imagestreams.jenkins.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** Registry credentials come from the credentials plugin; the dropdown is POST-only and permission-gated. */
public class RegistryCredentialsITest {
    private static final String PASSWORD = "s3cret-registry-password";
    private static final String TOKEN = "ghp_registry-token-value";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private final RegistryCredentialsFacade facade = new RegistryCredentialsFacade();

    @Before
    public void addCredentials() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, "quay", "Quay robot", "org+robot", PASSWORD));
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "ghcr", "GHCR token", Secret.fromString(TOKEN)));
        SystemCredentialsProvider.getInstance().save();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader"));
    }

    @Test
    public void shouldConvertBothKindsWithoutPrintingSecrets() {
        RegistryCredentials basic = facade.toRegistryCredentials(Optional.of("quay"));
        RegistryCredentials token = facade.toRegistryCredentials(Optional.of("ghcr"));

        assertThat(basic.username()).contains("org+robot");
        assertThat(basic.secret()).contains(PASSWORD);
        assertThat(token.username()).isEmpty();
        assertThat(token.secret()).contains(TOKEN);
        assertThat(basic.toString() + token + basic.cacheKey() + token.cacheKey())
                .doesNotContain(PASSWORD)
                .doesNotContain(TOKEN);
        assertThat(facade.toRegistryCredentials(Optional.empty()).isAnonymous()).isTrue();
    }

    @Test
    public void shouldRejectUnknownCredentialsIdNamingTheField() {
        assertThatThrownBy(() -> facade.toRegistryCredentials(Optional.of("missing")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("credentialsId: must name a username/password or secret text credential (got 'missing')");
    }

    @Test
    public void shouldListRegistryCredentialsForAdministrators() throws Exception {
        TagDefinition.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(TagDefinition.DescriptorImpl.class);
        try (var ignored =
                hudson.security.ACL.as2(hudson.model.User.getById("admin", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems("", "");

            assertThat(items.stream().map(o -> o.value)).contains("", "quay", "ghcr");
        }
        try (var ignored = hudson.security.ACL.as2(
                hudson.model.User.getById("reader", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems("quay", "");

            assertThat(items.stream().map(o -> o.value)).containsExactly("quay");
        }
    }

    @Test
    public void shouldRefuseGetOnFillEndpoint() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("admin")) {
            web.setThrowExceptionOnFailingStatusCode(false);
            String url = "descriptorByName/" + TagDefinition.class.getName() + "/fillCredentialsIdItems";

            Page get = web.goTo(url, null);
            Page post = web.getPage(web.addCrumb(new WebRequest(new URL(j.getURL(), url), HttpMethod.POST)));

            assertThat(get.getWebResponse().getStatusCode())
                    .as("GET is not dispatched")
                    .isIn(404, 405);
            assertThat(get.getWebResponse().getContentAsString()).doesNotContain("ghcr");
            assertThat(post.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(post.getWebResponse().getContentAsString())
                    .contains("ghcr")
                    .doesNotContain(TOKEN);
        }
    }

    private void addScopedCredentials() throws Exception {
        SystemCredentialsProvider system = SystemCredentialsProvider.getInstance();
        Map<Domain, List<Credentials>> domains = new LinkedHashMap<>(system.getDomainCredentialsMap());
        domains.put(
                new Domain("corp registry", "", List.of(new HostnameSpecification("registry.corp.example", null))),
                List.of(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, "corp-robot", "", "robot", PASSWORD)));
        domains.put(
                new Domain("other registry", "", List.of(new HostnameSpecification("other.example", null))),
                List.of(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "other-token", "", Secret.fromString(TOKEN))));
        system.setDomainCredentialsMap(domains);
        system.save();
    }

    @Test
    public void shouldOfferCredentialsScopedToTheRegistryOfTheEnteredImage() throws Exception {
        addScopedCredentials();
        TagDefinition.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(TagDefinition.DescriptorImpl.class);
        try (var ignored =
                hudson.security.ACL.as2(hudson.model.User.getById("admin", true).impersonate2())) {
            assertThat(descriptor.doFillCredentialsIdItems("", "registry.corp.example/team/app:1").stream()
                            .map(o -> o.value))
                    .contains("", "quay", "ghcr", "corp-robot")
                    .doesNotContain("other-token");
            assertThat(descriptor.doFillCredentialsIdItems("", "other.example:5000/app").stream()
                            .map(o -> o.value))
                    .contains("other-token", "quay")
                    .doesNotContain("corp-robot");
            assertThat(descriptor.doFillCredentialsIdItems("", "not a reference!").stream()
                            .map(o -> o.value))
                    .contains("corp-robot", "other-token");
            assertThat(descriptor
                            .doCheckCredentialsId("other-token", "registry.corp.example/team/app:1")
                            .getMessage())
                    .isEqualTo("credentialsId: &#039;other-token&#039; is in a credentials domain that does not"
                            + " admit the registry of registry.corp.example/team/app:1");
            assertThat(descriptor.doCheckCredentialsId("corp-robot", "registry.corp.example/team/app:1").kind)
                    .isEqualTo(FormValidation.Kind.OK);
        }
    }

    @Test
    public void shouldSendTheEnteredImageFromTheFormToTheFillEndpoint() throws Exception {
        addScopedCredentials();
        try (JenkinsRule.WebClient web = j.createWebClient().login("admin")) {
            String url = "descriptorByName/" + TagDefinition.class.getName()
                    + "/fillCredentialsIdItems?image=registry.corp.example/team/app:1";

            String answer = web.getPage(web.addCrumb(new WebRequest(new URL(j.getURL(), url), HttpMethod.POST)))
                    .getWebResponse()
                    .getContentAsString();

            assertThat(answer)
                    .contains("corp-robot")
                    .doesNotContain("other-token")
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    public void shouldResolveScopedCredentialsOnlyForTheirRegistry() throws Exception {
        addScopedCredentials();

        assertThat(facade.forImage("corp-robot", ImageReference.parse("registry.corp.example/team/app:1")))
                .hasValueSatisfying(c -> assertThat(c.username()).contains("robot"));
        assertThat(facade.forImage("corp-robot", ImageReference.parse("quay.io/team/app:1")))
                .isEmpty();
        assertThat(facade.forImage("quay", ImageReference.parse("quay.io/team/app:1")))
                .isPresent();
        assertThat(facade.forImage("missing", ImageReference.parse("quay.io/team/app:1")))
                .isEmpty();
    }
}
