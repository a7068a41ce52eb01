package io.jenkins.plugins.imagestreams.testing.jcasc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JCasC YAML the project publishes, and the broken files that must be rejected, for the tests that prove the
 * plugin (JCasC) and the command line ({@code check}) read them alike: the sample file
 * {@code docs/examples/jenkins.yaml}, every {@code ```yaml} block that starts with {@code unclassified:} in
 * {@code README.md} and {@code docs/admin/jcasc.md}, and the files under
 * {@code src/test/resources/io/jenkins/plugins/imagestreams/core/spec/broken}, each with its expected error on its
 * first line ({@code # expect: <path>: <rule> (got '<value>')}).
 */
public final class JcascExamples {
    /** The sample file, relative to the project root. */
    public static final String SAMPLE = "docs/examples/jenkins.yaml";

    private static final List<String> DOCUMENTS = List.of("README.md", "docs/admin/jcasc.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(unclassified:.*?)```", Pattern.DOTALL);
    private static final String BROKEN = "src/test/resources/io/jenkins/plugins/imagestreams/core/spec/broken";
    private static final String EXPECT = "# expect: ";

    private JcascExamples() {}

    /**
     * One published JCasC example.
     *
     * @param name where it comes from, e.g. {@code README.md#1}
     * @param yaml its text
     */
    public record Example(String name, String yaml) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One broken file.
     *
     * @param file the file
     * @param expected the one error it must give, {@code <path>: <rule> (got '<value>')}
     */
    public record Broken(Path file, String expected) {
        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    /**
     * Returns every published example.
     *
     * @param root the project root (the plugin's directory)
     * @return the sample file first, then the blocks of the README and the JCasC page, in document order
     */
    public static List<Example> published(final Path root) {
        List<Example> examples = new ArrayList<>();
        examples.add(new Example(SAMPLE, read(root.resolve(SAMPLE))));
        for (String document : DOCUMENTS) {
            Matcher block = YAML_BLOCK.matcher(read(root.resolve(document)));
            for (int i = 1; block.find(); i++) {
                examples.add(new Example(document + "#" + i, block.group(1)));
            }
        }
        return examples;
    }

    /**
     * Returns the broken files, in name order.
     *
     * @param root the project root (the plugin's directory)
     * @return every broken file with its expected error
     */
    public static List<Broken> broken(final Path root) {
        try (Stream<Path> files = Files.list(root.resolve(BROKEN))) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted()
                    .map(f -> new Broken(f, expectation(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String expectation(final Path file) {
        String first = read(file).lines().findFirst().orElse("");
        if (!first.startsWith(EXPECT)) {
            throw new IllegalStateException(file + " must start with '" + EXPECT + "<path>: <rule> (got ...)'");
        }
        return first.substring(EXPECT.length());
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
