package io.jenkins.plugins.imagestreams.bench;

import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The ceiling of a registry, measured with {@code wrk}: GETs of manifests with the four-type {@code Accept}, cycling
 * over the given paths with a Lua {@code request()} function. wrk cannot send HEAD (it waits for a body), so this is a
 * GET; the registry answers both at about the same rate (shared/docs/local-registry.md).
 */
final class Wrk {
    private Wrk() {}

    /**
     * Runs wrk once.
     *
     * @param base the registry's base URI, e.g. {@code http://127.0.0.1:5000/}
     * @param manifestPaths the paths to cycle through, e.g. {@code /v2/demo/app/manifests/t1}
     * @param concurrency open connections (threads: at most 2, the machine's cores)
     * @param seconds how long
     * @return requests per second, as wrk reports them
     * @throws IOException if wrk is missing, fails, or prints no rate
     * @throws InterruptedException if interrupted
     */
    static double requestsPerSecond(
            final URI base, final List<String> manifestPaths, final int concurrency, final int seconds)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("wrk-get", ".lua");
        StringBuilder lua = new StringBuilder("paths = {");
        for (String path : manifestPaths) {
            lua.append('"').append(path).append("\",");
        }
        lua.append("}\ni = 0\nhdrs = { [\"Accept\"] = \"")
                .append(LocalRegistry.MANIFEST_ACCEPT)
                .append("\" }\n")
                .append(
                        "request = function() i = i + 1; return wrk.format(\"GET\", paths[i % #paths + 1], hdrs) end\n");
        Files.writeString(script, lua, StandardCharsets.UTF_8);
        try {
            String output = Command.run(
                    "wrk",
                    "-t" + Math.min(concurrency, 2),
                    "-c" + concurrency,
                    "-d" + seconds + "s",
                    "-s",
                    script.toString(),
                    base.toString());
            for (String line : output.split("\n")) {
                if (line.startsWith("Requests/sec:")) {
                    return Double.parseDouble(
                            line.substring("Requests/sec:".length()).trim());
                }
            }
            throw new IOException("no Requests/sec in wrk output:\n" + output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * The manifest path of a tag.
     *
     * @param repository e.g. {@code demo/app}
     * @param tag e.g. {@code t1}
     * @return {@code /v2/<repository>/manifests/<tag>}
     */
    static String manifestPath(final String repository, final String tag) {
        return "/v2/" + repository + "/manifests/" + tag;
    }
}
