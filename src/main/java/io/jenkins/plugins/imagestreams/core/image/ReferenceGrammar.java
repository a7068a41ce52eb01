package io.jenkins.plugins.imagestreams.core.image;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Optional;

/**
 * The grammar of distribution/reference's {@code regexp.go}, checked by hand instead of by a regular expression.
 *
 * <p>The upstream expressions have exactly one way to split a reference, so a linear scan gives the same
 * answer as Go's leftmost-first {@code FindStringSubmatch}, and, unlike {@link java.util.regex.Pattern} with its
 * recursive group repetition, it cannot overflow the stack on a long input:
 * <ul>
 *   <li>the digest is everything after the first {@code @} (no other part may contain {@code @});</li>
 *   <li>the tag is everything after the first {@code :} that follows the last {@code /} (the path may not
 *       contain {@code :}, and the tag and digest may not contain {@code /});</li>
 *   <li>the domain is the part before the first {@code /} if it is a {@code domainAndPort} and the rest is a
 *       {@code remoteName} (the optional group is greedy); otherwise the whole name is the path.</li>
 * </ul>
 */
final class ReferenceGrammar {
    /** The longest tag, from {@code [\w][\w.-]{0,127}}. */
    static final int MAX_TAG_LENGTH = 128;
    /** {@code RepositoryNameTotalLengthMax}, which upstream applies to the path. */
    static final int MAX_PATH_LENGTH = 255;
    /** The shortest encoded part of a digest in the reference grammar, {@code [[:xdigit:]]{32,}}. */
    private static final int MIN_DIGEST_HEX = 32;

    private static final int IDENTIFIER_LENGTH = 64;

    private ReferenceGrammar() {
        // static grammar
    }

    /**
     * The parts of a reference that matched {@code referenceRegexp}, split as {@code anchoredNameRegexp} does.
     *
     * @param domain the domain with an optional port, or empty if the name has none
     * @param path the path (the remote name)
     * @param tag the tag, or {@code null}
     * @param digest the digest text, not yet validated by go-digest, or {@code null}
     */
    record Parts(
            String domain,
            String path,
            @CheckForNull String tag,
            @CheckForNull String digest) {}

    /**
     * Splits a reference as {@code referenceRegexp.FindStringSubmatch} followed by the name split of
     * {@code Parse}.
     *
     * @param reference the text
     * @return the parts, or empty if the text does not match the grammar
     */
    static Optional<Parts> split(final String reference) {
        int at = reference.indexOf('@');
        String digest = at < 0 ? null : reference.substring(at + 1);
        if (digest != null && !isDigestShape(digest)) {
            return Optional.empty();
        }
        String beforeDigest = at < 0 ? reference : reference.substring(0, at);
        int colon = beforeDigest.indexOf(':', beforeDigest.lastIndexOf('/') + 1);
        String tag = colon < 0 ? null : beforeDigest.substring(colon + 1);
        if (tag != null && !isTag(tag)) {
            return Optional.empty();
        }
        String name = colon < 0 ? beforeDigest : beforeDigest.substring(0, colon);
        return splitName(name).map(parts -> new Parts(parts.domain(), parts.path(), tag, digest));
    }

    /**
     * Splits a name without tag or digest as {@code anchoredNameRegexp.FindStringSubmatch} does.
     *
     * @param name the text
     * @return the domain (possibly empty) and the path, or empty if the text is not a name
     */
    static Optional<Parts> splitName(final String name) {
        int slash = name.indexOf('/');
        if (slash >= 0 && isDomain(name.substring(0, slash)) && isRemoteName(name.substring(slash + 1))) {
            return Optional.of(new Parts(name.substring(0, slash), name.substring(slash + 1), null, null));
        }
        if (isRemoteName(name)) {
            return Optional.of(new Parts("", name, null, null));
        }
        return Optional.empty();
    }

    /**
     * Tells why {@link #split(String)} rejected a reference, naming the first part that breaks the grammar.
     *
     * @param reference a text that {@link #split(String)} rejected
     * @return the rule, phrased for a user
     */
    static String diagnose(final String reference) {
        int at = reference.indexOf('@');
        String beforeDigest = at < 0 ? reference : reference.substring(0, at);
        int colon = beforeDigest.indexOf(':', beforeDigest.lastIndexOf('/') + 1);
        if (splitName(colon < 0 ? beforeDigest : beforeDigest.substring(0, colon))
                .isEmpty()) {
            return "invalid reference format: the name must be [domain[:port]/]component(/component)*, each "
                    + "component [a-z0-9]+ joined by '.', '_', '__' or '-'";
        }
        if (colon >= 0 && !isTag(beforeDigest.substring(colon + 1))) {
            return "invalid reference format: the tag must match [\\w][\\w.-]{0,127}";
        }
        return "invalid reference format: the digest after '@' must be <algorithm>:<at least 32 hex>";
    }

    /**
     * Matches {@code tag}: {@code [\w][\w.-]{0,127}}.
     *
     * @param tag the text
     * @return whether it is a valid tag
     */
    static boolean isTag(final String tag) {
        if (tag.isEmpty() || tag.length() > MAX_TAG_LENGTH || !isWord(tag.charAt(0))) {
            return false;
        }
        for (int i = 1; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!isWord(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Matches {@code identifier}: exactly 64 lowercase hex characters.
     *
     * @param text the text
     * @return whether the text is an image ID without algorithm
     */
    static boolean isIdentifier(final String text) {
        return text.length() == IDENTIFIER_LENGTH && isLowerHex(text);
    }

    /**
     * Matches {@code domainAndPort}: a host name or a bracketed IPv6 literal, then an optional {@code :port}.
     *
     * @param domain the text
     * @return whether it is a domain
     */
    static boolean isDomain(final String domain) {
        String rest;
        if (domain.startsWith("[")) {
            int close = domain.indexOf(']');
            if (close < 2 || !isIpv6Body(domain.substring(1, close))) {
                return false;
            }
            rest = domain.substring(close + 1);
        } else {
            int colon = domain.indexOf(':');
            if (!isDomainName(colon < 0 ? domain : domain.substring(0, colon))) {
                return false;
            }
            rest = colon < 0 ? "" : domain.substring(colon);
        }
        return rest.isEmpty() || rest.charAt(0) == ':' && rest.length() > 1 && isDigits(rest.substring(1));
    }

    /**
     * Matches {@code remoteName}: path components joined by single slashes.
     *
     * @param path the text
     * @return whether it is a path
     */
    static boolean isRemoteName(final String path) {
        for (String component : path.split("/", -1)) {
            if (!isPathComponent(component)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Matches {@code pathComponent}: {@code [a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*}.
     *
     * @param component the text
     * @return whether it is a path component
     */
    static boolean isPathComponent(final String component) {
        int length = component.length();
        if (length == 0 || !isLowerAlnum(component.charAt(0)) || !isLowerAlnum(component.charAt(length - 1))) {
            return false;
        }
        int i = 1;
        while (i < length) {
            if (isLowerAlnum(component.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < length && !isLowerAlnum(component.charAt(end))) {
                end++;
            }
            if (!isSeparator(component.substring(i, end))) {
                return false;
            }
            i = end;
        }
        return true;
    }

    /**
     * Matches {@code digestPat}: {@code [A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}}.
     *
     * @param digest the text
     * @return whether it has the shape of a digest (go-digest still validates it)
     */
    static boolean isDigestShape(final String digest) {
        int colon = digest.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String encoded = digest.substring(colon + 1);
        if (encoded.length() < MIN_DIGEST_HEX || !isHex(encoded)) {
            return false;
        }
        for (String component : digest.substring(0, colon).split("[-_+.]", -1)) {
            if (component.isEmpty() || !isAsciiLetter(component.charAt(0)) || !isAlnum(component)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(final String run) {
        return ".".equals(run)
                || "_".equals(run)
                || "__".equals(run)
                || run.chars().allMatch(c -> c == '-');
    }

    private static boolean isDomainName(final String name) {
        for (String component : name.split("\\.", -1)) {
            int length = component.length();
            if (length == 0 || !isAsciiAlnum(component.charAt(0)) || !isAsciiAlnum(component.charAt(length - 1))) {
                return false;
            }
            if (!component.chars().allMatch(c -> isAsciiAlnum((char) c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6Body(final String body) {
        return body.chars().allMatch(c -> c == ':' || isHexChar(c));
    }

    private static boolean isDigits(final String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isHex(final String text) {
        return text.chars().allMatch(ReferenceGrammar::isHexChar);
    }

    private static boolean isHexChar(final int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isLowerHex(final String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    private static boolean isAlnum(final String text) {
        return text.chars().allMatch(c -> isAsciiAlnum((char) c));
    }

    private static boolean isWord(final char c) {
        return isAsciiAlnum(c) || c == '_';
    }

    private static boolean isLowerAlnum(final char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(final char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiAlnum(final char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9';
    }
}
