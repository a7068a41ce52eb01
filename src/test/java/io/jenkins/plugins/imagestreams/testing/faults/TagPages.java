package io.jenkins.plugins.imagestreams.testing.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Cuts a full {@code tags/list} answer into pages linked by {@code Link: <…>; rel="next"}, as newer registries do. */
final class TagPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TagPages() {}

    /**
     * @param full the upstream answer with every tag
     * @param path the request path, possibly with {@code last=<tag>}
     * @param size tags per page
     * @return the page after {@code last}, with a next link when tags remain
     */
    static FaultProxy.Response page(FaultProxy.Response full, String path, int size) throws IOException {
        JsonNode body = JSON.readTree(full.body());
        List<String> tags = new ArrayList<>();
        body.path("tags").forEach(tag -> tags.add(tag.asText()));
        tags.sort(null);
        String last = lastParameter(path);
        int from = last == null ? 0 : tags.indexOf(last) + 1;
        int to = Math.min(tags.size(), from + size);
        ObjectNode page = JSON.createObjectNode();
        page.put("name", body.path("name").asText());
        tags.subList(from, to).forEach(page.putArray("tags")::add);
        if (to < tags.size()) {
            String base = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            full.headers()
                    .put(
                            "link",
                            "<" + base + "?n=" + size + "&last="
                                    + URLEncoder.encode(tags.get(to - 1), StandardCharsets.UTF_8) + ">; rel=\"next\"");
        }
        return new FaultProxy.Response(full.status(), full.headers(), JSON.writeValueAsBytes(page));
    }

    private static String lastParameter(String path) {
        int query = path.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : path.substring(query + 1).split("&")) {
            if (pair.startsWith("last=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
