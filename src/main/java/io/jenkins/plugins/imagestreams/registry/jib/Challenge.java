package io.jenkins.plugins.imagestreams.registry.jib;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code WWW-Authenticate} challenge, e.g. {@code Bearer realm="https://auth.docker.io/token",
 * service="registry.docker.io",scope="repository:library/python:pull"} or {@code Basic realm="Registry"}, after
 * RFC 7235 and the distribution token spec. Only the first challenge of the header is read.
 *
 * @param scheme the scheme, lower case: {@code bearer}, {@code basic} or another
 * @param parameters the {@code key="value"} parameters, keys lower case
 */
record Challenge(String scheme, Map<String, String> parameters) {
    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z_]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");

    /** Copies the parameters. */
    Challenge {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Parses a header value.
     *
     * @param header the {@code WWW-Authenticate} value, may be empty
     * @return the challenge, or empty when the header has no scheme
     */
    static Optional<Challenge> parse(final Optional<String> header) {
        String value = header.map(String::trim).orElse("");
        int space = value.indexOf(' ');
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(space < 0 ? "" : value.substring(space + 1));
        while (matcher.find()) {
            String parameter = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            parameters.putIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), parameter);
        }
        return Optional.of(new Challenge(scheme, parameters));
    }

    /**
     * Whether this is a bearer challenge with a realm to ask for a token.
     *
     * @return true for {@code Bearer realm="…"}
     */
    boolean isBearer() {
        return "bearer".equals(scheme) && parameters.containsKey("realm");
    }

    /**
     * Whether this is a basic challenge.
     *
     * @return true for {@code Basic …}
     */
    boolean isBasic() {
        return "basic".equals(scheme);
    }

    /**
     * Returns a parameter.
     *
     * @param name lower-case name, e.g. {@code realm}
     * @return the value, or empty
     */
    Optional<String> parameter(final String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
