package io.jenkins.plugins.imagestreams.registry.jib;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.Map;
import java.util.Queue;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponse;
import org.apache.http.auth.AuthOption;
import org.apache.http.auth.AuthScheme;
import org.apache.http.auth.AuthSchemeProvider;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.AuthCache;
import org.apache.http.client.AuthenticationStrategy;
import org.apache.http.client.config.AuthSchemes;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.impl.auth.BasicSchemeFactory;
import org.apache.http.impl.client.BasicAuthCache;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.ProxyAuthenticationStrategy;
import org.apache.http.protocol.HttpContext;

/**
 * Who a pooled client authenticates to: the transport's HTTP proxy, with Basic, through HttpClient 4.5's own proxy
 * authentication; never the registry.
 *
 * <ul>
 *   <li>Proxy: {@link ProxyAuthenticationStrategy} answers {@code 407} with {@code Proxy-Authenticate: Basic}, both
 *       for plain-HTTP requests sent to the proxy ({@code MainClientExec.execute}) and for the {@code CONNECT} that
 *       opens an HTTPS tunnel ({@code MainClientExec.createTunnelToTarget}). The credentials are scoped to the
 *       proxy's host and port and to Basic ({@link AuthScope}), so no other host and no other scheme gets them. Once
 *       the proxy accepted them, the scheme is kept in one {@link BasicAuthCache} per client, and the library's
 *       {@code RequestAuthCache} sends {@code Proxy-Authorization} up front on every later request and tunnel:
 *       the {@code 407} round trip is paid once per client, not once per request. Through a tunnel the header
 *       goes on the {@code CONNECT} only, never inside it to the registry.
 *   <li>Registry: the target strategy never asks for authentication, so a registry's {@code 401} with its
 *       {@code WWW-Authenticate} (Basic or Bearer) reaches {@link RegistrySession} unchanged, which answers it
 *       itself, once, within the call's deadline.
 *   <li>Basic only ({@code charset=UTF-8}, RFC 7617): no NTLM, Digest, Kerberos or SPNEGO is ever attempted.
 * </ul>
 *
 * <p>A wrong password is sent once: the proxy's {@code 407} to it ends the handshake
 * ({@code HttpAuthenticator.handleAuthChallenge} marks it failed, and the cached scheme is dropped), and
 * {@link HttpExchange} turns that {@code 407} into Unavailable.
 */
final class ProxyAuthentication {
    private ProxyAuthentication() {}

    /**
     * Sets up a client builder for the transport's proxy and its credentials, and turns off target authentication.
     *
     * @param builder the builder of the transport's client
     * @param transport the transport
     */
    static void configure(final HttpClientBuilder builder, final RegistryTransport transport) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        builder.setDefaultAuthSchemeRegistry(RegistryBuilder.<AuthSchemeProvider>create()
                        .register(AuthSchemes.BASIC, new BasicSchemeFactory(StandardCharsets.UTF_8))
                        .build())
                .setTargetAuthenticationStrategy(RegistryChallengesUnanswered.INSTANCE)
                .setProxyAuthenticationStrategy(ProxyAuthenticationStrategy.INSTANCE)
                .setDefaultCredentialsProvider(credentials);
        if (transport.proxy().isEmpty()) {
            return;
        }
        InetSocketAddress address = transport.proxy().get();
        HttpHost proxy = new HttpHost(address.getHostString(), address.getPort());
        builder.setProxy(proxy);
        transport.proxyCredentials().ifPresent(user -> {
            char[] password = user.password();
            credentials.setCredentials(
                    new AuthScope(proxy, AuthScope.ANY_REALM, AuthSchemes.BASIC),
                    new UsernamePasswordCredentials(user.userName(), new String(password)));
            Arrays.fill(password, '\0');
            AuthCache accepted = new BasicAuthCache();
            builder.addInterceptorFirst((HttpRequestInterceptor)
                    (request, context) -> HttpClientContext.adapt(context).setAuthCache(accepted));
        });
    }

    /**
     * The target strategy: a registry's challenge is never answered by HttpClient, whatever the credentials
     * provider holds, so that the adapter's explicit policy (one answer, with the registry's own credentials or
     * tokens) stays the only one.
     */
    private enum RegistryChallengesUnanswered implements AuthenticationStrategy {
        INSTANCE;

        @Override
        public boolean isAuthenticationRequested(
                final HttpHost authhost, final HttpResponse response, final HttpContext context) {
            return false;
        }

        @Override
        public Map<String, Header> getChallenges(
                final HttpHost authhost, final HttpResponse response, final HttpContext context) {
            return Map.of();
        }

        @Override
        public Queue<AuthOption> select(
                final Map<String, Header> challenges,
                final HttpHost authhost,
                final HttpResponse response,
                final HttpContext context) {
            return new LinkedList<>();
        }

        @Override
        public void authSucceeded(final HttpHost authhost, final AuthScheme authScheme, final HttpContext context) {
            // never asked, so never succeeds
        }

        @Override
        public void authFailed(final HttpHost authhost, final AuthScheme authScheme, final HttpContext context) {
            // never asked, so never fails
        }
    }
}
