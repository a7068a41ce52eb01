package io.jenkins.plugins.imagestreams.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Descriptor;
import io.jenkins.plugins.casc.Attribute;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.Configurator;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.imagestreams.core.spec.JcascElement;
import io.jenkins.plugins.imagestreams.core.spec.StreamsSpec;
import io.jenkins.plugins.imagestreams.core.spec.StreamsSpecReader;
import io.jenkins.plugins.imagestreams.jenkins.security.StreamAccess;
import io.jenkins.plugins.imagestreams.testing.jcasc.JcascExamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jenkinsci.Symbol;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Guards against drift between the plugin's JCasC schema (the describables, read by JCasC) and the Jenkins-free
 * reader the command line's {@code check} uses ({@link StreamsSpecReader}): the same published files give equal
 * models, every attribute JCasC knows the reader knows, and every broken file is rejected by JCasC too.
 */
public class JcascSchemaITest {
    /**
     * Attributes the reader may accept before the plugin's describable has them, while a field lands in two steps;
     * none today.
     */
    private static final Set<String> PENDING_IN_PLUGIN = Set.of();

    private static final Map<JcascElement, Class<?>> DESCRIBABLES = Map.of(
            JcascElement.IMAGE_STREAMS, ImageStreamsConfiguration.class,
            JcascElement.STREAM, ImageStreamDefinition.class,
            JcascElement.TAG, TagDefinition.class,
            JcascElement.REGISTRY, RegistryDefinition.class,
            JcascElement.REGISTRY_IMAGE, RegistryImageSource.class,
            JcascElement.STREAM_TAG, StreamTagSource.class,
            JcascElement.ALIAS, AliasSource.class,
            JcascElement.STREAM_IMAGE, StreamImageSource.class);

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldReadEveryPublishedExampleAsJcascDoes() throws Exception {
        List<JcascExamples.Example> examples = JcascExamples.published(Path.of(""));
        assertThat(examples).extracting(JcascExamples.Example::name).contains(JcascExamples.SAMPLE, "README.md#1");

        for (JcascExamples.Example example : examples) {
            reset();
            ConfigurationAsCode.get().configure(file(example.yaml()).toString());
            StreamsSpec read =
                    StreamsSpecReader.readDocument(load(example.yaml())).orElseThrow();

            ImageStreamsConfiguration config = ImageStreamsConfiguration.get();
            assertThat(read.streams()).as(example.name()).isEqualTo(config.toModel());
            assertThat(read.allowlist()).as(example.name()).isEqualTo(config.toAllowlist());
            for (StreamsSpec.AccessLists lists : read.access()) {
                StreamAccess access = config.accessOf(lists.stream());
                assertThat(new StreamAccess(lists.viewers(), lists.taggers(), lists.importers()))
                        .as(example.name() + " " + lists.stream())
                        .isEqualTo(access);
            }
        }
    }

    @Test
    public void shouldKnowEveryAttributeJcascKnows() {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        for (Map.Entry<JcascElement, Class<?>> element : DESCRIBABLES.entrySet()) {
            Configurator<?> configurator = context.lookup(element.getValue());
            Set<String> jcasc =
                    configurator.describe().stream().map(Attribute::getName).collect(Collectors.toSet());
            Set<String> reader = new HashSet<>(element.getKey().attributes());

            assertThat(reader).as(element.getKey().symbol()).containsAll(jcasc);
            reader.removeAll(jcasc);
            assertThat(reader).as(element.getKey().symbol()).isSubsetOf(PENDING_IN_PLUGIN);
        }
    }

    @Test
    public void shouldKnowEverySourceSymbol() {
        Set<String> symbols = j.jenkins.getDescriptorList(TagSourceDefinition.class).stream()
                .map(JcascSchemaITest::symbol)
                .collect(Collectors.toSet());

        assertThat(JcascElement.sources())
                .extracting(JcascElement::symbol)
                .containsExactlyInAnyOrderElementsOf(symbols);
    }

    @Test
    public void shouldRejectEveryBrokenFileInJcascToo() throws Exception {
        List<JcascExamples.Broken> broken = JcascExamples.broken(Path.of(""));
        ConfigurationAsCode.get()
                .configure(Path.of(JcascExamples.SAMPLE).toAbsolutePath().toString());
        StreamsSpec sample = StreamsSpecReader.readDocument(load(Files.readString(Path.of(JcascExamples.SAMPLE))))
                .orElseThrow();

        for (JcascExamples.Broken file : broken) {
            assertThatThrownBy(() -> ConfigurationAsCode.get()
                            .configure(file.file().toAbsolutePath().toString()))
                    .as(file.toString())
                    .isInstanceOf(Exception.class);
            assertThat(ImageStreamsConfiguration.get().toModel())
                    .as(file.toString())
                    .isEqualTo(sample.streams());
        }
    }

    private static String symbol(final Descriptor<?> descriptor) {
        return descriptor.getClass().getAnnotation(Symbol.class).value()[0];
    }

    private static void reset() {
        ImageStreamsConfiguration.get().setStreams(List.of());
        ImageStreamsConfiguration.get().setAllowedRegistries("");
    }

    private Path file(final String yaml) throws IOException {
        Path file = temp.newFile().toPath();
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private static Object load(final String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }
}
