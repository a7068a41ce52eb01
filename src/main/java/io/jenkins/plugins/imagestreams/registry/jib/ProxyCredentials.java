package io.jenkins.plugins.imagestreams.registry.jib;

import java.util.Arrays;
import java.util.Objects;

/**
 * The user name and password an HTTP proxy asks for with {@code 407 Proxy Authentication Required}, sent as
 * {@code Proxy-Authorization: Basic <base64(user:password)>} (RFC 7235 section 4.4, RFC 7617, UTF-8) to that proxy
 * only. The password is kept as a {@code char[]} that is copied in and out, and {@link #toString()} shows
 * {@code ****} instead of it, so a transport or a proxy can be logged or put in a message without leaking it.
 */
public final class ProxyCredentials {
    private final String userName;
    private final char[] password;

    private ProxyCredentials(final String userName, final char[] password) {
        this.userName = userName;
        this.password = password;
    }

    /**
     * Creates the credentials.
     *
     * @param userName the proxy user; not blank, without {@code :} (RFC 7617 forbids it in a Basic user-id)
     * @param password the password, copied; may be empty
     * @return the credentials
     * @throws IllegalArgumentException when the user name is blank or contains {@code :}; the message never names
     *     the password
     */
    public static ProxyCredentials of(final String userName, final char[] password) {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(password, "password");
        if (userName.isBlank()) {
            throw new IllegalArgumentException("proxy user name must not be blank");
        }
        if (userName.indexOf(':') >= 0) {
            throw new IllegalArgumentException(
                    "proxy user name must not contain ':' (RFC 7617 Basic authentication) (got '" + userName + "')");
        }
        return new ProxyCredentials(userName, password.clone());
    }

    /**
     * Returns the user name.
     *
     * @return the proxy user
     */
    public String userName() {
        return userName;
    }

    /**
     * Returns a copy of the password; the caller should overwrite it once used.
     *
     * @return the password
     */
    public char[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof ProxyCredentials that
                && userName.equals(that.userName)
                && Arrays.equals(password, that.password);
    }

    /** Hashes the user name only, so that the hash code says nothing about the password. */
    @Override
    public int hashCode() {
        return userName.hashCode();
    }

    @Override
    public String toString() {
        return "ProxyCredentials[userName=" + userName + ", password=****]";
    }
}
