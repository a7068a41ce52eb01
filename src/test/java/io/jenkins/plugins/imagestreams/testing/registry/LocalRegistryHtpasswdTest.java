package io.jenkins.plugins.imagestreams.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.Rule;
import org.junit.Test;

public class LocalRegistryHtpasswdTest {

    @Rule
    public LocalRegistry registry = LocalRegistry.htpasswd();

    @Test
    public void shouldReadBackDigestWithBasicCredentials() throws Exception {
        String digest = registry.pushImage("private/app", "v1", ManifestFormat.DOCKER_SCHEMA2);

        assertThat(registry.headDigest("private/app", "v1")).contains(digest);
    }

    @Test
    public void shouldChallengeRequestWithoutCredentials() throws Exception {
        HttpResponse<Void> response = get(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"test-realm\"");
    }

    @Test
    public void shouldRejectWrongPasswordAndAcceptTheRightOne() throws Exception {
        assertThat(get(registry.username() + ":wrong").statusCode()).isEqualTo(401);
        assertThat(get(registry.username() + ":" + registry.password()).statusCode())
                .isEqualTo(200);
    }

    @Test
    public void shouldServeHtpasswdOverTls() throws Throwable {
        RuleHarness.runInside(LocalRegistry.htpasswd().withTls(), secure -> {
            String digest = secure.pushImage("private/app", "v1", ManifestFormat.OCI_MANIFEST);

            assertThat(secure.baseUri().getScheme()).isEqualTo("https");
            assertThat(secure.headDigest("private/app", "v1")).contains(digest);
        });
    }

    private HttpResponse<Void> get(String userColonPassword) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(registry.baseUri().resolve("/v2/"));
        if (userColonPassword != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return registry.httpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
