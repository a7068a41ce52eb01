package io.jenkins.plugins.imagestreams.registry.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.Test;

/** The proxy credentials value: its password never shows, is copied in and out, and the user name is checked. */
public class ProxyCredentialsTest {
    private static final String PASSWORD = "s3cret-proxy-pw";

    @Test
    public void shouldNeverShowThePasswordInToStringOfTheCredentialsOrTheTransport() {
        ProxyCredentials credentials = ProxyCredentials.of("alice", PASSWORD.toCharArray());
        RegistryTransport transport =
                RegistryTransport.DEFAULT.withProxy(new InetSocketAddress("127.0.0.1", 3128), credentials);

        assertThat(credentials).hasToString("ProxyCredentials[userName=alice, password=****]");
        assertThat(transport.toString())
                .contains("proxyCredentials=Optional[ProxyCredentials[userName=alice, password=****]]")
                .doesNotContain(PASSWORD);
    }

    @Test
    public void shouldCopyThePasswordInAndOut() {
        char[] given = PASSWORD.toCharArray();
        ProxyCredentials credentials = ProxyCredentials.of("alice", given);

        given[0] = 'X';
        credentials.password()[1] = 'Y';

        assertThat(credentials.password()).containsExactly(PASSWORD.toCharArray());
        assertThat(credentials).isEqualTo(ProxyCredentials.of("alice", PASSWORD.toCharArray()));
        assertThat(credentials).isNotEqualTo(ProxyCredentials.of("alice", "other".toCharArray()));
    }

    @Test
    public void shouldRejectUserNamesBasicAuthenticationCannotCarry() {
        assertThatThrownBy(() -> ProxyCredentials.of(" ", PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proxy user name must not be blank");
        assertThatThrownBy(() -> ProxyCredentials.of("corp:alice", PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proxy user name must not contain ':' (RFC 7617 Basic authentication) (got 'corp:alice')");
    }

    @Test
    public void shouldRefuseProxyCredentialsWithoutAProxy() {
        assertThatThrownBy(() -> new RegistryTransport(
                        Optional.empty(),
                        false,
                        Optional.empty(),
                        Optional.of(ProxyCredentials.of("alice", PASSWORD.toCharArray())),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proxyCredentials need a proxy");
    }

    @Test
    public void shouldCompareByUserNameAndPasswordAndHashTheUserNameOnly() {
        EqualsVerifier.forClass(ProxyCredentials.class)
                .withNonnullFields("userName", "password")
                .suppress(Warning.STRICT_HASHCODE)
                .verify();
    }
}
