package io.jenkins.plugins.imagestreams.bench;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.registry.jib.JibRegistryClient;
import io.jenkins.plugins.imagestreams.registry.jib.RegistryTransport;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpHead;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Resolve throughput against the plain local registry, beside {@code wrk} (GET, four-type Accept, same tags, same
 * concurrency) and a sequential {@code skopeo inspect --raw} loop, in one run. Not a test: run it as docs/benchmarks.md
 * says. Arguments: {@code [tags=200] [seconds=10] [skopeoTags=30]}.
 */
public final class ResolveBenchmark {
    private static final int[] CONCURRENCY = {1, 8, 64};
    private static final String REPOSITORY = "bench/app";

    private ResolveBenchmark() {}

    public static void main(String[] args) throws Throwable {
        int tags = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int skopeoTags = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        LocalRegistry registry = LocalRegistry.plain();
        registry.apply(
                        new Statement() {
                            @Override
                            public void evaluate() throws Throwable {
                                run(registry, tags, seconds, skopeoTags);
                            }
                        },
                        Description.createSuiteDescription(ResolveBenchmark.class))
                .evaluate();
    }

    private static void run(LocalRegistry registry, int tagCount, int seconds, int skopeoTags) throws Exception {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < tagCount; i++) {
            registry.pushImage(REPOSITORY, "t" + i, ManifestFormat.OCI_MANIFEST);
            tags.add("t" + i);
        }
        System.out.printf(Locale.ROOT, "registry %s, %d tags, %d s per run%n", registry.baseUri(), tagCount, seconds);
        double skopeo = skopeoPerSecond(registry, tags.subList(0, Math.min(skopeoTags, tags.size())));
        System.out.printf(Locale.ROOT, "skopeo inspect --raw, sequential: %.1f tags/s%n", skopeo);
        System.out.println(
                "| concurrency | resolve req/s | bare HttpClient 4.5 HEAD req/s | wrk GET req/s | resolve / wrk | resolve / skopeo |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(256);
        connections.setDefaultMaxPerRoute(64);
        CloseableHttpClient raw = HttpClients.custom()
                .setConnectionManager(connections)
                .disableContentCompression()
                .build();
        JibRegistryClient client =
                new JibRegistryClient(r -> RegistryTransport.DEFAULT.withInsecure(true), Clock.systemUTC());
        for (int concurrency : CONCURRENCY) {
            resolvePerSecond(client, registry, tags, concurrency, 2);
            double resolve = 0;
            double bare = 0;
            double wrk = 0;
            // the machine is shared: interleave the three loads and keep the best of two rounds of each
            for (int round = 0; round < 2; round++) {
                resolve = Math.max(resolve, resolvePerSecond(client, registry, tags, concurrency, seconds));
                bare = Math.max(bare, rawHeadPerSecond(raw, registry, tags, concurrency, seconds));
                wrk = Math.max(wrk, wrkPerSecond(registry, tags, concurrency, seconds));
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.0f | %.0f | %.0f | %.0f %% | %.1fx |%n",
                    concurrency,
                    resolve,
                    bare,
                    wrk,
                    100 * resolve / wrk,
                    resolve / skopeo);
        }
    }

    /** The same HEADs with a bare pooled HttpClient 4.5, to separate the adapter's cost from the library's. */
    private static double rawHeadPerSecond(
            CloseableHttpClient raw, LocalRegistry registry, List<String> tags, int concurrency, int seconds)
            throws Exception {
        return measure(concurrency, seconds, i -> {
            HttpHead head = new HttpHead(
                    registry.baseUri().resolve("/v2/" + REPOSITORY + "/manifests/" + tags.get(i % tags.size())));
            head.setHeader("Accept", LocalRegistry.MANIFEST_ACCEPT);
            try (CloseableHttpResponse response = raw.execute(head)) {
                if (response.getStatusLine().getStatusCode() != 200) {
                    throw new IOException("HEAD answered " + response.getStatusLine());
                }
            }
        });
    }

    private static double resolvePerSecond(
            JibRegistryClient client, LocalRegistry registry, List<String> tags, int concurrency, int seconds)
            throws Exception {
        List<ImageReference> references = new ArrayList<>();
        for (String tag : tags) {
            references.add(ImageReference.parse(registry.imageReference(REPOSITORY, tag)));
        }
        return measure(
                concurrency,
                seconds,
                i -> client.resolve(
                        references.get(i % references.size()),
                        RegistryCredentials.anonymous(),
                        ResolveOptions.DEFAULT));
    }

    /** One request of a load loop; {@code i} picks the tag. */
    private interface Call {
        void run(int i) throws Exception;
    }

    private static double measure(int concurrency, int seconds, Call call) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int offset = w;
            workers.add(pool.submit(() -> {
                for (int i = offset; running.get(); i += concurrency) {
                    call.run(i);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return done.get() / (elapsed / 1e9);
    }

    private static double wrkPerSecond(LocalRegistry registry, List<String> tags, int concurrency, int seconds)
            throws IOException, InterruptedException {
        List<String> paths =
                tags.stream().map(tag -> Wrk.manifestPath(REPOSITORY, tag)).toList();
        return Wrk.requestsPerSecond(registry.baseUri(), paths, concurrency, seconds);
    }

    private static double skopeoPerSecond(LocalRegistry registry, List<String> tags)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (String tag : tags) {
            Command.run(
                    "skopeo",
                    "inspect",
                    "--raw",
                    "--tls-verify=false",
                    "docker://" + registry.imageReference(REPOSITORY, tag));
        }
        return tags.size() / ((System.nanoTime() - start) / 1e9);
    }
}
