package io.jenkins.plugins.imagestreams.core.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * containerd's {@code Only(platform)} matcher (compare.go {@code platformVector}): the platforms whose images a
 * platform can run. The vector is evaluated as a predicate, so a large variant number costs nothing.
 */
final class PlatformCompatibility {
    private static final int LOWEST_AMD64 = 1;
    private static final int LOWEST_ARM = 5;
    private static final int ARM_FOR_ARM64 = 8;

    /** containerd's {@code arm64variantToVersion}: for each variant, the majors and the highest minor of each. */
    private static final Map<String, int[][]> ARM64_VERSIONS = Map.ofEntries(
            Map.entry("v8", new int[][] {{8, 0}}),
            Map.entry("v8.0", new int[][] {{8, 0}}),
            Map.entry("v8.1", new int[][] {{8, 1}}),
            Map.entry("v8.2", new int[][] {{8, 2}}),
            Map.entry("v8.3", new int[][] {{8, 3}}),
            Map.entry("v8.4", new int[][] {{8, 4}}),
            Map.entry("v8.5", new int[][] {{8, 5}}),
            Map.entry("v8.6", new int[][] {{8, 6}}),
            Map.entry("v8.7", new int[][] {{8, 7}}),
            Map.entry("v8.8", new int[][] {{8, 8}}),
            Map.entry("v8.9", new int[][] {{8, 9}}),
            Map.entry("v9", new int[][] {{9, 0}, {8, 5}}),
            Map.entry("v9.0", new int[][] {{9, 0}, {8, 5}}),
            Map.entry("v9.1", new int[][] {{9, 1}, {8, 6}}),
            Map.entry("v9.2", new int[][] {{9, 2}, {8, 7}}),
            Map.entry("v9.3", new int[][] {{9, 3}, {8, 8}}),
            Map.entry("v9.4", new int[][] {{9, 4}, {8, 9}}),
            Map.entry("v9.5", new int[][] {{9, 5}, {8, 9}}),
            Map.entry("v9.6", new int[][] {{9, 6}, {8, 9}}),
            Map.entry("v9.7", new int[][] {{9, 7}, {8, 9}}));

    private PlatformCompatibility() {
        // static predicate
    }

    /**
     * Tells whether {@code host} can run an image built for {@code image}.
     *
     * @param host the normalised platform that runs the image
     * @param image the normalised platform the image was built for
     * @return whether {@code image} is in containerd's platform vector of {@code host}
     */
    static boolean runs(final Platform host, final Platform image) {
        if (!host.os().equals(image.os())) {
            return false;
        }
        String variant = host.variant().orElse("");
        switch (host.architecture()) {
            case "amd64":
                return host.equals(image)
                        || "386".equals(image.architecture()) && image.variant().isEmpty()
                        || isLowerVersion(image, "amd64", versionOf(variant), LOWEST_AMD64);
            case "arm":
                return host.equals(image) || isLowerVersion(image, "arm", versionOf(variant), LOWEST_ARM);
            case "arm64":
                return arm64Vector(host.os(), variant.isEmpty() ? "v8" : variant)
                        .contains(image);
            default:
                return host.equals(image);
        }
    }

    /**
     * Tells whether the image is {@code arch/v<k>} for some {@code lowest <= k < highest}, as the loops of
     * {@code platformVector} generate them and the matcher normalises them ({@code amd64/v1} is {@code amd64}).
     */
    private static boolean isLowerVersion(
            final Platform image, final String arch, final int highest, final int lowest) {
        if (!arch.equals(image.architecture())) {
            return false;
        }
        int k;
        if (image.variant().isEmpty()) {
            k = "amd64".equals(arch) ? 1 : -1;
        } else {
            String variant = image.variant().get();
            k = versionOf(variant);
            if (!variant.equals("v" + k)) {
                return false;
            }
        }
        return k >= lowest && k < highest;
    }

    private static List<Platform> arm64Vector(final String os, final String variant) {
        List<Platform> vector = new ArrayList<>();
        int[][] versions = ARM64_VERSIONS.get(variant);
        if (versions == null) {
            return vector; // containerd breaks out with an empty vector: an unknown arm64 variant runs nothing
        }
        for (int[] version : versions) {
            for (int minor = version[1]; minor >= 0; minor--) {
                String name = minor == 0 ? "v" + version[0] : "v" + version[0] + "." + minor;
                vector.add(Platform.normalized(os, "arm64", name));
            }
        }
        for (int k = ARM_FOR_ARM64; k >= LOWEST_ARM; k--) {
            vector.add(Platform.normalized(os, "arm", "v" + k));
        }
        return vector;
    }

    /** containerd's {@code strconv.Atoi(strings.TrimPrefix(variant, "v"))}, with 0 for an error. */
    private static int versionOf(final String variant) {
        String number = variant.startsWith("v") ? variant.substring(1) : variant;
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
