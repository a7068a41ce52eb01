package io.jenkins.plugins.imagestreams.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import io.jenkins.plugins.imagestreams.core.model.HistoryRetention;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImportMode;
import io.jenkins.plugins.imagestreams.core.model.ImportPolicy;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.triggering.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Jenkins-free reader of the {@code imageStreams} JCasC section: defaults, conversions and paths. */
public class StreamsSpecReaderTest {
    private static final String PIN = "sha256:" + "4f".repeat(32);

    static Object yaml(final String... lines) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(String.join("\n", lines));
    }

    private static StreamsSpec read(final String... lines) {
        return StreamsSpecReader.readDocument(yaml(lines)).orElseThrow();
    }

    private static String problem(final String... lines) {
        return assertThatThrownBy(() -> read(lines))
                .isInstanceOf(InvalidSpecException.class)
                .actual()
                .getMessage();
    }

    @Test
    public void shouldApplyTheDescribablesDefaults() {
        StreamsSpec spec = read(
                "unclassified:",
                "  imageStreams:",
                "    streams:",
                "      - name: python",
                "        tags:",
                "          - name: '3.12'",
                "            from:",
                "              registryImage:",
                "                image: python:3.12");

        ImageStream python = spec.streams().get(0);
        assertThat(python.importInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(python.retention()).isEqualTo(HistoryRetention.DEFAULT);
        assertThat(python.description()).isEmpty();
        assertThat(python.paused()).isFalse();
        assertThat(python.tags())
                .containsExactly(new TagReference(
                        "3.12",
                        TagSource.RegistryImage.parse("docker.io/library/python:3.12"),
                        ImportPolicy.DEFAULT.withScheduled(true)));
        assertThat(spec.allowlist().entries()).isEmpty();
        assertThat(spec.access()).containsExactly(new StreamsSpec.AccessLists("python", Set.of(), Set.of(), Set.of()));
        assertThat(spec.subscriptions()).isEmpty();
        assertThat(spec.tagCount()).isEqualTo(1);
    }

    @Test
    public void shouldReadEveryAttribute() {
        StreamsSpec spec = read(
                "unclassified:",
                "  imageStreams:",
                "    allowedRegistries: 'quay.io, localhost:5000'",
                "    streams:",
                "      - name: web",
                "        description: ' front end '",
                "        importIntervalMinutes: 30",
                "        historyRevisions: 5",
                "        historyMaxAgeHours: 0",
                "        paused: true",
                "        viewers: 'alice, devs'",
                "        taggers: release",
                "        importers: 'bob carol'",
                "        tags:",
                "          - name: '1.0'",
                "            from: {registryImage: {image: ' localhost:5000/web:1.0 '}}",
                "            scheduled: false",
                "            insecure: true",
                "            importMode: legacy",
                "            platforms: 'linux/arm64 , linux/amd64'",
                "            credentialsId: ' quay-robot '",
                "            downstreamJobs: 'deploy, team/smoke ,'",
                "          - name: latest",
                "            from: {alias: {tag: '1.0'}}",
                "          - name: base",
                "            from: {streamTag: {stream: python, tag: '3.12'}}",
                "          - name: golden",
                "            from: {streamImage: {digest: '" + PIN + "', stream: python}}",
                "          - name: mine",
                "            from: {streamImage: {digest: '" + PIN + "'}}");

        ImageStream web = spec.stream("web").orElseThrow();
        assertThat(web.description()).isEqualTo(" front end ");
        assertThat(web.importInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(web.retention()).isEqualTo(new HistoryRetention(5, Duration.ZERO));
        assertThat(web.paused()).isTrue();
        assertThat(web.tag("1.0").orElseThrow().importPolicy())
                .isEqualTo(new ImportPolicy(
                        false,
                        true,
                        ImportMode.LEGACY,
                        List.of(Platform.parse("linux/arm64"), Platform.parse("linux/amd64")),
                        Optional.of("quay-robot")));
        assertThat(web.tags())
                .extracting(TagReference::from)
                .containsExactly(
                        TagSource.RegistryImage.parse("localhost:5000/web:1.0"),
                        new TagSource.Alias("1.0"),
                        new TagSource.StreamTag("python", "3.12"),
                        new TagSource.StreamImage(Optional.of("python"), Digest.parse(PIN)),
                        new TagSource.StreamImage(Optional.empty(), Digest.parse(PIN)));
        assertThat(spec.allowlist().entries()).containsExactly("quay.io", "localhost:5000");
        assertThat(spec.access())
                .containsExactly(new StreamsSpec.AccessLists(
                        "web", Set.of("alice", "devs"), Set.of("release"), Set.of("bob", "carol")));
        assertThat(spec.subscriptions())
                .containsExactly(Subscription.of("deploy", "web", "1.0"), Subscription.of("team/smoke", "web", "1.0"));
    }

    @Test
    public void shouldReadScalarsAsJcascConvertsThem() {
        ImageStream stream = read(
                        "unclassified:",
                        "  imageStreams:",
                        "    streams:",
                        "      - name: web",
                        "        importIntervalMinutes: ' 20 '",
                        "        paused: 'yes'",
                        "        tags:",
                        "          - name: 1",
                        "            from: {registryImage: {image: 'web:1'}}",
                        "            scheduled: off",
                        "            insecure: 'N'")
                .streams()
                .get(0);

        assertThat(stream.importInterval()).isEqualTo(Duration.ofMinutes(20));
        assertThat(stream.paused()).isTrue();
        assertThat(stream.tag("1").orElseThrow().importPolicy().scheduled()).isFalse();
    }

    @Test
    public void shouldMatchSettersIgnoringCaseAndSymbolsIgnoringCaseAsJcascDoes() {
        ImageStream stream = read(
                        "unclassified:",
                        "  ImageStreams:",
                        "    Streams:",
                        "      - name: web",
                        "        DESCRIPTION: shouting",
                        "        tags:",
                        "          - name: '1'",
                        "            from: {RegistryImage: {image: 'web:1'}}",
                        "            ImportMode: Legacy")
                .streams()
                .get(0);

        assertThat(stream.description()).isEqualTo("shouting");
        assertThat(stream.tag("1").orElseThrow().importPolicy().importMode()).isEqualTo(ImportMode.LEGACY);
    }

    @Test
    public void shouldMatchConstructorParametersExactly() {
        assertThat(problem("unclassified:", "  imageStreams:", "    streams:", "      - Name: web"))
                .isEqualTo("unclassified.imageStreams.streams[0].Name: must be an attribute of stream: name,"
                        + " description, importIntervalMinutes, historyRevisions, historyMaxAgeHours, paused, viewers,"
                        + " taggers, importers, tags (got 'Name')\n"
                        + "unclassified.imageStreams.streams[0].name: must not be empty (got '')");
    }

    @Test
    public void shouldReportEveryProblemOfTheSection() {
        InvalidSpecException e = (InvalidSpecException) assertThatThrownBy(() -> read(
                        "unclassified:",
                        "  imageStreams:",
                        "    streams:",
                        "      - name: Web",
                        "        paused: maybe",
                        "      - name: ok",
                        "        tags:",
                        "          - name: a",
                        "            from: alias",
                        "          - from: {registryImage: {image: [x]}}",
                        "            name: b",
                        "            description: {}"))
                .actual();

        assertThat(e.getProblems())
                .extracting(InvalidValueException::getField)
                .containsExactly(
                        "unclassified.imageStreams.streams[0].name",
                        "unclassified.imageStreams.streams[0].paused",
                        "unclassified.imageStreams.streams[1].tags[0].from.alias.tag",
                        "unclassified.imageStreams.streams[1].tags[1].description",
                        "unclassified.imageStreams.streams[1].tags[1].from.registryImage.image",
                        "unclassified.imageStreams.streams[1].tags[1].from.registryImage.image");
        assertThat(e.getProblems())
                .extracting(InvalidValueException::getRule)
                .contains("must be true or false", "must be a single value, not a list", "must not be empty");
    }

    @Test
    public void shouldTreatNullAsAbsent() {
        StreamsSpec spec = read(
                "unclassified:",
                "  imageStreams:",
                "    allowedRegistries:",
                "    streams:",
                "      - name: web",
                "        description:",
                "        tags:");

        assertThat(spec.streams()).containsExactly(ImageStream.of("web", List.of()));
    }

    @Test
    public void shouldReadAnEmptySection() {
        assertThat(read("unclassified:", "  imageStreams:").streams()).isEmpty();
        assertThat(StreamsSpecReader.readSection(null).streams()).isEmpty();
    }

    @Test
    public void shouldFindNoSectionInOtherDocuments() {
        assertThat(StreamsSpecReader.readDocument(null)).isEmpty();
        assertThat(StreamsSpecReader.readDocument(yaml("jenkins:", "  systemMessage: hi")))
                .isEmpty();
        assertThat(StreamsSpecReader.readDocument(yaml("unclassified:", "  location:", "    url: x")))
                .isEmpty();
    }

    @Test
    public void shouldRejectDocumentsOfTheWrongShape() {
        assertThatThrownBy(() -> StreamsSpecReader.readDocument(yaml("- a", "- b")))
                .hasMessage("(document): must be a mapping of attributes (got 'a list')");
        assertThatThrownBy(() -> StreamsSpecReader.readDocument(yaml("unclassified: text")))
                .hasMessage("unclassified: must be a mapping of attributes (got 'text')");
        assertThat(problem("unclassified:", "  imageStreams: [1]"))
                .isEqualTo("unclassified.imageStreams: must be a mapping of attributes (got 'a list')");
    }

    @Test
    public void shouldRejectRepeatedAttributes() {
        assertThat(problem(
                        "unclassified:",
                        "  imageStreams:",
                        "    streams:",
                        "      - name: web",
                        "        paused: true",
                        "        PAUSED: false"))
                .isEqualTo("unclassified.imageStreams.streams[0].PAUSED: must not repeat attribute paused"
                        + " (got 'PAUSED')");
    }

    @Test
    public void shouldRejectSymbolsThatAreNoMappingAndSourceLists() {
        assertThat(problemOfFrom("[alias]"))
                .isEqualTo("unclassified.imageStreams.streams[0].tags[0].from: must be a single value, not a list"
                        + " (got 'a list')");
        assertThat(problemOfFrom("{alias: here}"))
                .isEqualTo("unclassified.imageStreams.streams[0].tags[0].from.alias: must be a mapping of attributes"
                        + " (got 'here')");
    }

    private static String problemOfFrom(final String from) {
        return problem(
                "unclassified:",
                "  imageStreams:",
                "    streams:",
                "      - name: web",
                "        tags:",
                "          - name: a",
                "            from: " + from);
    }

    @Test
    public void shouldRejectAnInvalidMaxAge() {
        assertThat(problem(
                        "unclassified:",
                        "  imageStreams:",
                        "    streams:",
                        "      - name: web",
                        "        historyMaxAgeHours: -1"))
                .isEqualTo("unclassified.imageStreams.streams[0].historyMaxAgeHours: must be a whole number of hours,"
                        + " 0 or more (got '-1')");
    }

    @Test
    public void shouldRejectSourcesOutsideTheAllowlist() {
        assertThat(problem(
                        "unclassified:",
                        "  imageStreams:",
                        "    allowedRegistries: quay.io",
                        "    streams:",
                        "      - name: web",
                        "        tags:",
                        "          - name: a",
                        "            from: {registryImage: {image: 'ghcr.io/org/web:1'}}"))
                .isEqualTo("unclassified.imageStreams.streams[0].tags[0].from.registryImage.image: must name a registry"
                        + " on the allowlist [quay.io] (got 'ghcr.io')");
    }

    @Test
    public void shouldNotCarryAnInvalidSpecWithoutProblems() {
        assertThatThrownBy(() -> new InvalidSpecException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
