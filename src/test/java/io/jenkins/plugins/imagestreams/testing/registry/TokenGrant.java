package io.jenkins.plugins.imagestreams.testing.registry;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a token's {@code access} claim, e.g. {@code repository demo/app [pull, push]}, parsed from a
 * Docker token scope such as {@code repository:demo/app:pull,push}.
 *
 * @param type resource type, {@code repository} or {@code registry}
 * @param name resource name, e.g. {@code demo/app} or {@code catalog}
 * @param actions granted actions, e.g. {@code pull}, {@code push}, {@code delete}, {@code *}
 */
record TokenGrant(String type, String name, List<String> actions) {

    TokenGrant {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        actions = List.copyOf(actions);
    }

    /**
     * @param scope {@code type:name:action[,action...]}; the name may itself contain colons
     * @return the grant the scope asks for
     * @throws IllegalArgumentException if the scope does not have that shape
     */
    static TokenGrant parse(String scope) {
        int first = scope.indexOf(':');
        int last = scope.lastIndexOf(':');
        if (first <= 0 || last == first || last == scope.length() - 1) {
            throw new IllegalArgumentException("Malformed scope: " + scope);
        }
        return new TokenGrant(
                scope.substring(0, first),
                scope.substring(first + 1, last),
                List.of(scope.substring(last + 1).split(",")));
    }

    /** @return this grant cut down to what an anonymous client gets: {@code pull} on a repository, if allowed */
    TokenGrant forAnonymous(boolean anonymousPull) {
        boolean pull = anonymousPull && "repository".equals(type) && actions.contains("pull");
        return new TokenGrant(type, name, pull ? List.of("pull") : List.of());
    }

    /** @return the JSON object of the {@code access} claim */
    String toJson() {
        return "{\"type\":" + Json.quote(type) + ",\"name\":" + Json.quote(name) + ",\"actions\":"
                + Json.stringArray(actions) + "}";
    }
}
