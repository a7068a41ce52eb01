package io.jenkins.plugins.imagestreams.testing.registry;

import java.util.Collection;
import java.util.stream.Collectors;

/** The little JSON writing the fixture needs: quoted strings and arrays of them. */
final class Json {

    private Json() {}

    /** @return {@code value} as a JSON string literal, quotes included */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** @return {@code values} as a JSON array of strings */
    static String stringArray(Collection<String> values) {
        return values.stream().map(Json::quote).collect(Collectors.joining(",", "[", "]"));
    }
}
