package io.jenkins.plugins.imagestreams.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;

public class LocalRegistryTokenTest {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final String PULL = "repository:demo/app:pull";

    @Rule
    public LocalRegistry registry = LocalRegistry.token();

    @Test
    public void shouldReadBackDigestWithBearerTokenWithoutCountingFixtureRequests() throws Exception {
        String digest = registry.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);

        assertThat(registry.headDigest("demo/app", "v1")).contains(digest);
        assertThat(registry.tokenRequestCount()).isZero();
    }

    @Test
    public void shouldChallengeWithBearerAndCountTokenRequests() throws Exception {
        String digest = registry.pushImage("demo/app", "v1", ManifestFormat.DOCKER_SCHEMA2);
        String challenge =
                "Bearer realm=\"" + registry.tokenRealm() + "\",service=\"" + LocalRegistry.TOKEN_SERVICE + "\"";

        assertThat(send(registry, "GET", "/v2/", null).headers().firstValue("WWW-Authenticate"))
                .contains(challenge);
        HttpResponse<Void> anonymous = send(registry, "HEAD", "/v2/demo/app/manifests/v1", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains(challenge + ",scope=\"" + PULL + "\"");

        HttpResponse<String> tokenResponse = requestToken(registry, PULL, credentials());
        assertThat(registry.tokenRequestCount()).isEqualTo(1);
        assertThat(registry.tokenRequestCount(PULL)).isEqualTo(1);

        HttpResponse<Void> authorized =
                send(registry, "HEAD", "/v2/demo/app/manifests/v1", "Bearer " + token(tokenResponse));
        assertThat(authorized.statusCode()).isEqualTo(200);
        assertThat(authorized.headers().firstValue("Docker-Content-Digest")).contains(digest);
    }

    @Test
    public void shouldIssueTokenWithoutAccessToAnonymousClientByDefault() throws Exception {
        registry.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);

        HttpResponse<String> tokenResponse = requestToken(registry, PULL, null);
        HttpResponse<Void> head = send(registry, "HEAD", "/v2/demo/app/manifests/v1", "Bearer " + token(tokenResponse));

        assertThat(head.statusCode()).isEqualTo(401);
        assertThat(head.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("error=\"insufficient_scope\""));
        assertThat(registry.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    public void shouldRejectWrongPasswordAtTokenEndpointAndCountIt() throws Exception {
        HttpResponse<String> rejected = requestToken(registry, PULL, registry.username() + ":wrong");

        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(registry.tokenRequestCount()).isEqualTo(1);

        registry.resetTokenRequestCount();

        assertThat(registry.tokenRequestCount()).isZero();
        assertThat(registry.tokenRequestCount(PULL)).isZero();
    }

    @Test
    public void shouldGrantOnlyPullToAnonymousClientWhenEnabled() throws Throwable {
        RuleHarness.runInside(LocalRegistry.token().withAnonymousPull(), open -> {
            String digest = open.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);

            String pullToken = token(requestToken(open, PULL, null));
            HttpResponse<Void> head = send(open, "HEAD", "/v2/demo/app/manifests/v1", "Bearer " + pullToken);
            assertThat(head.headers().firstValue("Docker-Content-Digest")).contains(digest);

            String pushToken = token(requestToken(open, "repository:demo/app:pull,push", null));
            HttpResponse<Void> upload = send(open, "POST", "/v2/demo/app/blobs/uploads/", "Bearer " + pushToken);
            assertThat(upload.statusCode()).isEqualTo(401);
            assertThat(open.tokenRequestCount()).isEqualTo(2);
        });
    }

    @Test
    public void shouldServeTokenAuthOverTls() throws Throwable {
        RuleHarness.runInside(LocalRegistry.token().withTls(), secure -> {
            String digest = secure.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);

            assertThat(secure.tokenRealm().getScheme()).isEqualTo("https");
            assertThat(secure.headDigest("demo/app", "v1")).contains(digest);
        });
    }

    private String credentials() {
        return registry.username() + ":" + registry.password();
    }

    private static HttpResponse<String> requestToken(LocalRegistry registry, String scope, String userColonPassword)
            throws Exception {
        URI uri = URI.create(registry.tokenRealm() + "?service=" + LocalRegistry.TOKEN_SERVICE + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (userColonPassword != null) {
            String basic = Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        return registry.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher token = TOKEN.matcher(response.body());
        assertThat(token.find()).as(response.body()).isTrue();
        return token.group(1);
    }

    private static HttpResponse<Void> send(LocalRegistry registry, String method, String path, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(registry.baseUri().resolve(path))
                .header("Accept", LocalRegistry.MANIFEST_ACCEPT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return registry.httpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
