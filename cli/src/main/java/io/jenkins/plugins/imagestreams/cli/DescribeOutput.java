package io.jenkins.plugins.imagestreams.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints what {@code describe} found, as text in the manner of {@code oc describe is}, or as JSON. */
final class DescribeOutput {
    private static final String NONE = "<none>";

    private DescribeOutput() {}

    static void text(final PrintWriter out, final Map<ImageStream, List<TagView>> streams) {
        boolean first = true;
        for (Map.Entry<ImageStream, List<TagView>> entry : streams.entrySet()) {
            if (!first) {
                out.println();
            }
            first = false;
            ImageStream stream = entry.getKey();
            field(out, "Name:", stream.name());
            if (!stream.description().isBlank()) {
                field(out, "Description:", stream.description());
            }
            field(out, "Import every:", minutes(stream) + (stream.paused() ? " (paused)" : ""));
            field(out, "Tags:", String.valueOf(stream.tags().size()));
            for (TagView tag : entry.getValue()) {
                out.println();
                tag(out, tag);
            }
        }
    }

    private static void tag(final PrintWriter out, final TagView tag) {
        out.println(tag.spec().name() + tag.aliasOf().map(a -> " -> " + a).orElse(""));
        field(out, "  from:", tag.symbol() + " " + tag.from());
        field(
                out,
                "  digest:",
                tag.current()
                        .map(e -> e.digest().algorithm() + ":" + e.digest().shortForm())
                        .orElse(NONE));
        field(out, "  pull spec:", tag.current().map(TagEvent::pullSpec).orElse(NONE));
        Map<String, Digest> platforms =
                tag.current().map(TagEvent::platformDigests).orElse(Map.of());
        if (!platforms.isEmpty()) {
            field(
                    out,
                    "  platforms:",
                    platforms.entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(p -> p.getKey() + " " + p.getValue().algorithm() + ":"
                                    + p.getValue().shortForm())
                            .collect(Collectors.joining(", ")));
        }
        field(
                out,
                "  condition:",
                tag.condition().map(DescribeOutput::conditionText).orElse(NONE));
    }

    private static String conditionText(final TagCondition condition) {
        if (condition.status()) {
            return TagCondition.TYPE + "=True";
        }
        return TagCondition.TYPE + "=False " + condition.reason().orElseThrow() + ": " + condition.message();
    }

    private static void field(final PrintWriter out, final String label, final String value) {
        out.printf("%-14s %s%n", label, value);
    }

    private static String minutes(final ImageStream stream) {
        long seconds = stream.importInterval().toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    static void json(final PrintWriter out, final Map<ImageStream, List<TagView>> streams) {
        ObjectNode root = Json.object();
        ArrayNode list = root.putArray("streams");
        for (Map.Entry<ImageStream, List<TagView>> entry : streams.entrySet()) {
            ObjectNode stream = list.addObject();
            stream.put("name", entry.getKey().name());
            stream.put("description", entry.getKey().description());
            stream.put("importIntervalSeconds", entry.getKey().importInterval().toSeconds());
            stream.put("paused", entry.getKey().paused());
            ArrayNode tags = stream.putArray("tags");
            entry.getValue().forEach(t -> tags.add(tag(t)));
        }
        out.println(Json.pretty(root));
    }

    private static ObjectNode tag(final TagView view) {
        ObjectNode tag = Json.object();
        tag.put("name", view.spec().name());
        ObjectNode source = tag.putObject("from");
        source.put("kind", view.spec().from().kind());
        source.put(view.symbol(), view.from());
        if (view.aliasOf().isPresent()) {
            tag.put("aliasOf", view.aliasOf().get());
        } else {
            tag.putNull("aliasOf");
        }
        Json.putDigest(tag, "digest", view.current().map(TagEvent::digest));
        if (view.current().isPresent()) {
            tag.put("pullSpec", view.current().get().pullSpec());
        } else {
            tag.putNull("pullSpec");
        }
        tag.set(
                "platforms",
                Json.platforms(view.current().map(TagEvent::platformDigests).orElse(Map.of())));
        if (view.condition().isPresent()) {
            tag.set("condition", condition(view.condition().get()));
        } else {
            tag.putNull("condition");
        }
        return tag;
    }

    static ObjectNode condition(final TagCondition condition) {
        ObjectNode node = Json.object();
        node.put("type", TagCondition.TYPE);
        node.put("status", condition.status() ? "True" : "False");
        if (condition.reason().isPresent()) {
            node.put("reason", condition.reason().get().name());
        } else {
            node.putNull("reason");
        }
        node.put("message", condition.message());
        node.put("lastTransitionTime", condition.lastTransitionTime().toString());
        return node;
    }
}
