package io.jenkins.plugins.imagestreams.registry.jib;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.image.json.OciIndexTemplate;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import com.google.cloud.tools.jib.image.json.V22ManifestListTemplate;
import com.google.cloud.tools.jib.image.json.V22ManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplate;
import com.google.cloud.tools.jib.registry.RegistryAliasGroup;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.registry.RegistryClient;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import io.jenkins.plugins.imagestreams.core.registry.TagList;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry adapter over Jib core and Apache HttpClient 4.5; the only class that may use Jib's non-public
 * {@code registry} and {@code http} packages.
 *
 * <p>Jib carries the protocol knowledge: the four manifest media types, the index and manifest-list templates
 * that the children are read with, and Docker Hub's endpoint ({@code docker.io} becomes
 * {@code registry-1.docker.io}; references arrive normalised with {@code library/}). Jib's HTTP stack cannot send a
 * HEAD with our Accept, a per-registry CA or a deadline, so the HTTP goes through {@link RegistrySession} on
 * Apache HttpClient 4.5, the library under Jib's own transport, served by Jenkins'
 * {@code apache-httpcomponents-client-4-api} plugin (docs/developer/dependencies.md, "Registry HTTP: what Jib carries").
 *
 * <p>A resolve is one {@code HEAD /v2/<repository>/manifests/<tag>} with the four-type Accept. A GET follows only
 * when {@code Docker-Content-Digest} is missing (the digest is then the sha256 of the body), or when the digest is
 * an index's and differs from {@link ResolveOptions#knownDigest()}. On every GET, a {@code Docker-Content-Digest}
 * or HEAD digest that differs from the body's sha256 is InvalidManifest. Thread-safe; one instance serves all
 * registries, with one pooled HTTP client per host and one token cache.
 */
public final class JibRegistryClient implements RegistryClient {
    /** The Accept of every manifest request: OCI index, Docker list, OCI manifest, Docker v2 manifest. */
    public static final String MANIFEST_ACCEPT = String.join(
            ", ",
            OciIndexTemplate.MEDIA_TYPE,
            V22ManifestListTemplate.MANIFEST_MEDIA_TYPE,
            OciManifestTemplate.MANIFEST_MEDIA_TYPE,
            V22ManifestTemplate.MANIFEST_MEDIA_TYPE);

    private static final Set<String> MANIFEST_TYPES = Set.of(
            OciIndexTemplate.MEDIA_TYPE,
            V22ManifestListTemplate.MANIFEST_MEDIA_TYPE,
            OciManifestTemplate.MANIFEST_MEDIA_TYPE,
            V22ManifestTemplate.MANIFEST_MEDIA_TYPE);
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    /** Jib's templates are Jackson-bound; unknown fields (top-level annotations, subject) must not fail them. */
    private static final ObjectMapper LENIENT =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Function<String, RegistryTransport> transports;
    private final Failures failures;
    private final RegistrySession session;

    /**
     * Creates a client with {@link RegistryTransport#DEFAULT} for every registry and the system clock.
     */
    public JibRegistryClient() {
        this(registry -> RegistryTransport.DEFAULT, Clock.systemUTC());
    }

    /**
     * Creates a client.
     *
     * @param transports the transport settings of a registry, keyed by the reference's registry as normalised
     *     ({@code docker.io}, {@code quay.io}, {@code 127.0.0.1:5000}); called on every request, so keep it cheap
     * @param clock the clock for token expiry and {@code Retry-After} seconds
     */
    public JibRegistryClient(final Function<String, RegistryTransport> transports, final Clock clock) {
        this.transports = Objects.requireNonNull(transports);
        this.failures = new Failures(clock);
        this.session = new RegistrySession(new BearerTokens(clock, failures));
    }

    @Override
    public ResolvedImage resolve(
            final ImageReference reference, final RegistryCredentials credentials, final ResolveOptions options)
            throws RegistryException {
        Deadline deadline = Deadline.in(options.deadline());
        String target = reference.digest().map(Digest::toString).orElse(reference.tagOrLatest());
        RegistryRequest head = request(reference, credentials, options, "HEAD", "/manifests/" + target);
        RegistryResponse response = session.send(head, deadline);
        String mediaType = checkManifestResponse(response, head);
        Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
        if (header.isEmpty()) {
            return fromBody(head, Optional.empty(), options, deadline);
        }
        Digest digest = parseDigest(header.get(), head);
        if (reference.digest().isPresent() && !reference.digest().get().equals(digest)) {
            throw invalid(head, "the registry answered digest " + digest + " for another digest");
        }
        if (isIndex(mediaType) && !options.knownDigest().equals(Optional.of(digest))) {
            return fromBody(head, Optional.of(digest), options, deadline);
        }
        return new ResolvedImage(
                digest,
                mediaType,
                Map.of(),
                false,
                Failures.rateLimitRemaining(response.headers()),
                failures.retryAfter(response.headers()));
    }

    @Override
    public TagList listTags(
            final ImageReference repository, final RegistryCredentials credentials, final ResolveOptions options)
            throws RegistryException {
        Deadline deadline = Deadline.in(options.deadline());
        RegistryRequest page = request(repository, credentials, options, "GET", "/tags/list?n=1000");
        List<String> tags = new ArrayList<>();
        for (int pages = 1; ; pages++) {
            RegistryResponse response = session.send(page, deadline);
            if (response.statusCode() != 200) {
                throw failures.forStatus(page.subject(), response.statusCode(), response.headers(), response.body());
            }
            try {
                TagsTemplate body = LENIENT.readValue(response.body(), TagsTemplate.class);
                tags.addAll(body.tags == null ? List.of() : body.tags);
            } catch (IOException e) {
                throw invalid(page, "unreadable tag list");
            }
            Optional<String> next = nextPage(response);
            if (next.isEmpty()) {
                return new TagList(tags.stream().sorted().distinct().toList(), false);
            }
            if (pages >= options.maxPages()) {
                return new TagList(tags.stream().sorted().distinct().toList(), true);
            }
            page = page.with("GET", next.get());
        }
    }

    private RegistryRequest request(
            final ImageReference reference,
            final RegistryCredentials credentials,
            final ResolveOptions options,
            final String method,
            final String suffix) {
        RegistryTransport configured = transports.apply(reference.registry());
        RegistryTransport transport =
                configured.insecure() || !options.insecure() ? configured : configured.withInsecure(true);
        String repository = reference.repository();
        return new RegistryRequest(
                RegistryAliasGroup.getHost(reference.registry()),
                transport,
                method,
                "/v2/" + repository + suffix,
                suffix.startsWith("/manifests/") ? MANIFEST_ACCEPT : "application/json",
                "repository:" + repository + ":pull",
                credentials,
                reference.toString());
    }

    /** GETs the manifest, checks its digest against the body, and reads an index's children when it is new. */
    private ResolvedImage fromBody(
            final RegistryRequest head,
            final Optional<Digest> expected,
            final ResolveOptions options,
            final Deadline deadline)
            throws RegistryException {
        RegistryRequest get = head.with("GET", head.pathAndQuery());
        RegistryResponse response = session.send(get, deadline);
        String mediaType = checkManifestResponse(response, get);
        Digest digest = Digest.sha256Of(response.body());
        Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
        if (header.isPresent() && !parseDigest(header.get(), get).equals(digest)) {
            throw invalid(get, "Docker-Content-Digest " + header.get() + " is not the body's digest " + digest);
        }
        if (expected.isPresent() && !expected.get().equals(digest)) {
            throw invalid(get, "the HEAD digest " + expected.get() + " is not the body's digest " + digest);
        }
        String declared = declaredMediaType(response.body(), get).orElse(mediaType);
        if (!declared.equals(mediaType)) {
            throw invalid(get, "Content-Type " + mediaType + " but the manifest says " + declared);
        }
        boolean children = isIndex(mediaType) && !options.knownDigest().equals(Optional.of(digest));
        return new ResolvedImage(
                digest,
                mediaType,
                children ? children(response.body(), mediaType, get) : Map.of(),
                children,
                Failures.rateLimitRemaining(response.headers()),
                failures.retryAfter(response.headers()));
    }

    /** Maps a non-2xx status, and checks that a 2xx names one of the four manifest types. */
    private String checkManifestResponse(final RegistryResponse response, final RegistryRequest request)
            throws RegistryException {
        if (response.statusCode() != 200) {
            throw failures.forStatus(request.subject(), response.statusCode(), response.headers(), response.body());
        }
        String type = response.headers()
                .firstValue("Content-Type")
                .map(value -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .orElse("");
        if (!MANIFEST_TYPES.contains(type)) {
            throw invalid(request, "unexpected Content-Type '" + type + "'");
        }
        return type;
    }

    private static Digest parseDigest(final String value, final RegistryRequest request) throws RegistryException {
        try {
            Digest digest = Digest.parse(value.trim());
            if (!Digest.SHA256.equals(digest.algorithm())) {
                throw invalid(request, "unsupported digest algorithm in " + digest);
            }
            return digest;
        } catch (InvalidValueException e) {
            throw invalid(request, "malformed Docker-Content-Digest (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> declaredMediaType(final byte[] body, final RegistryRequest request)
            throws RegistryException {
        try {
            return Optional.ofNullable(LENIENT.readValue(body, MediaTypeTemplate.class).mediaType);
        } catch (IOException e) {
            throw invalid(request, "unparseable manifest");
        }
    }

    /** Reads an index's children with Jib's templates; variants (which Jib's templates drop) from a side view. */
    private static Map<String, Digest> children(
            final byte[] body, final String mediaType, final RegistryRequest request) throws RegistryException {
        List<String[]> entries = new ArrayList<>();
        try {
            if (OciIndexTemplate.MEDIA_TYPE.equals(mediaType)) {
                for (OciIndexTemplate.ManifestDescriptorTemplate child :
                        LENIENT.readValue(body, OciIndexTemplate.class).getManifests()) {
                    var platform = child.getPlatform();
                    entries.add(new String[] {
                        String.valueOf(child.getDigest()),
                        platform == null ? null : platform.getOs(),
                        platform == null ? null : platform.getArchitecture()
                    });
                }
            } else {
                V22ManifestListTemplate list = LENIENT.readValue(body, V22ManifestListTemplate.class);
                for (V22ManifestListTemplate.ManifestDescriptorTemplate child : list.getManifests()) {
                    var platform = child.getPlatform();
                    entries.add(new String[] {
                        child.getDigest(),
                        platform == null ? null : platform.getOs(),
                        platform == null ? null : platform.getArchitecture()
                    });
                }
            }
            return platforms(entries, LENIENT.readValue(body, VariantsTemplate.class), request);
        } catch (IOException e) {
            throw invalid(request, "unparseable index");
        }
    }

    private static Map<String, Digest> platforms(
            final List<String[]> entries, final VariantsTemplate variants, final RegistryRequest request)
            throws RegistryException {
        Map<String, Digest> result = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String[] entry = entries.get(i);
            if (entry[1] == null || entry[2] == null) {
                continue;
            }
            String variant = variants.variant(i);
            try {
                String key = Platform.parse(entry[1] + "/" + entry[2] + (variant == null ? "" : "/" + variant))
                        .toString();
                result.putIfAbsent(key, Digest.parse(entry[0]));
            } catch (InvalidValueException e) {
                if (Digest.isDigest(entry[0])) {
                    continue; // e.g. unknown/unknown attestation manifests: not a runnable platform
                }
                throw invalid(request, "index entry " + i + " has an invalid digest");
            }
        }
        return result;
    }

    private static Optional<String> nextPage(final RegistryResponse response) {
        for (String link : response.headers().allValues("Link")) {
            Matcher next = NEXT_LINK.matcher(link);
            if (next.find()) {
                URI uri = URI.create(next.group(1));
                return Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            }
        }
        return Optional.empty();
    }

    private static boolean isIndex(final String mediaType) {
        return OciIndexTemplate.MEDIA_TYPE.equals(mediaType)
                || V22ManifestListTemplate.MANIFEST_MEDIA_TYPE.equals(mediaType);
    }

    private static RegistryException invalid(final RegistryRequest request, final String what) {
        return Failures.failure(ConditionReason.InvalidManifest, request.subject() + ": " + what);
    }

    /** The {@code mediaType} field of any manifest. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class MediaTypeTemplate implements JsonTemplate {
        @CheckForNull
        private String mediaType;
    }

    /** The {@code tags} of a {@code tags/list} answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class TagsTemplate implements JsonTemplate {
        @CheckForNull
        private List<String> tags;
    }

    /** The {@code platform.variant} of each index entry, which Jib's index templates do not keep. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @SuppressFBWarnings(value = "UWF_UNWRITTEN_FIELD", justification = "Jackson sets the fields")
    private static final class VariantsTemplate implements JsonTemplate {
        @CheckForNull
        private List<Entry> manifests;

        @CheckForNull
        String variant(final int index) {
            if (manifests == null || index >= manifests.size()) {
                return null;
            }
            Variant platform = manifests.get(index).platform;
            return platform == null ? null : platform.variant;
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        private static final class Entry implements JsonTemplate {
            @CheckForNull
            private Variant platform;
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        private static final class Variant implements JsonTemplate {
            @CheckForNull
            private String variant;
        }
    }
}
