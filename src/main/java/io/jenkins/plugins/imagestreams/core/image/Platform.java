package io.jenkins.plugins.imagestreams.core.image;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A platform of a multi-platform image, {@code os/arch[/variant]}, parsed and normalised like
 * containerd/platforms ({@code Normalize(Parse(s))}).
 *
 * <p>Normalisation: the OS, architecture and variant are lowercased; {@code macos} becomes {@code darwin};
 * {@code x86_64}/{@code x86-64} become {@code amd64} (variant {@code v1} dropped); {@code i386} becomes
 * {@code 386}; {@code aarch64} becomes {@code arm64} and its variants {@code 8}, {@code v8}, {@code v8.0} are
 * dropped while {@code 9}, {@code 9.0}, {@code v9.0} become {@code v9}; {@code armhf} becomes {@code arm/v7},
 * {@code armel} {@code arm/v6}; {@code arm} without variant (or {@code 7}) becomes {@code arm/v7} and
 * {@code 5}, {@code 6}, {@code 8} gain a {@code v}. So {@code linux/aarch64/v8} is {@code linux/arm64} and
 * {@code linux/arm} is {@code linux/arm/v7}.
 *
 * <p>Rules (each rejected with an {@link InvalidValueException} whose field is {@value #FIELD}): no
 * wildcards; the OS matches {@code [A-Za-z0-9_-]+}; the architecture and variant match
 * {@code [A-Za-z0-9_.-]+}; at most three components. Two deliberate limits, because a Jenkins controller is not
 * the platform an image is meant for: the OS and the architecture are both required (containerd would fill
 * a missing one from the host it runs on), and the {@code os(version+features)} syntax is not supported.
 */
public final class Platform {
    /** The field name used in the errors of {@link #parse(String)}. */
    public static final String FIELD = "platform";

    private static final Pattern OS = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern OS_WITH_OPTIONS =
            Pattern.compile("[A-Za-z0-9_-]+\\([A-Za-z0-9_.%-]*(?:\\+[A-Za-z0-9_.%-]+)*\\)");
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final int MAX_COMPONENTS = 3;

    private final String os;
    private final String architecture;
    private final String variant;

    private Platform(final String os, final String architecture, final String variant) {
        this.os = os;
        this.architecture = architecture;
        this.variant = variant;
    }

    /**
     * Parses and normalises a platform such as {@code linux/amd64}, {@code linux/arm/v7} or {@code Linux/x86_64}.
     *
     * @param value {@code os/arch[/variant]}
     * @return the normalised platform
     * @throws InvalidValueException with field {@value #FIELD} if the value breaks one of the rules
     */
    public static Platform parse(@CheckForNull final String value) {
        if (value == null) {
            throw new InvalidValueException(FIELD, "must not be null", null);
        }
        if (value.indexOf('*') >= 0) {
            throw new InvalidValueException(FIELD, "wildcards not yet supported", value);
        }
        String[] parts = value.split("/", -1);
        checkComponents(parts, value);
        if (parts.length == 1) {
            throw new InvalidValueException(FIELD, "must be os/arch[/variant]: the architecture is required", value);
        }
        if (parts.length > MAX_COMPONENTS) {
            throw new InvalidValueException(FIELD, "cannot parse platform specifier: must be os/arch[/variant]", value);
        }
        return of(parts[0], parts[1], parts.length == MAX_COMPONENTS ? parts[2] : "");
    }

    private static void checkComponents(final String[] parts, final String value) {
        if (OS_WITH_OPTIONS.matcher(parts[0]).matches()) {
            throw new InvalidValueException(FIELD, "OS version and OS features, os(...), are not supported", value);
        }
        if (!OS.matcher(parts[0]).matches()) {
            throw new InvalidValueException(FIELD, "invalid OS component: must match [A-Za-z0-9_-]+", value);
        }
        for (int i = 1; i < Math.min(parts.length, MAX_COMPONENTS + 1); i++) {
            if (!COMPONENT.matcher(parts[i]).matches()) {
                throw new InvalidValueException(
                        FIELD, "invalid component: architecture and variant must match [A-Za-z0-9_.-]+", value);
            }
        }
    }

    /**
     * Normalises the three components as containerd's {@code Normalize} does.
     *
     * @param os the OS as given
     * @param arch the architecture as given
     * @param variant the variant as given, or empty
     * @return the normalised platform
     */
    private static Platform of(final String os, final String arch, final String variant) {
        String normalOs = os.toLowerCase(Locale.ROOT);
        if ("macos".equals(normalOs)) {
            normalOs = "darwin";
        }
        String[] archAndVariant = normalizeArch(arch.toLowerCase(Locale.ROOT), variant.toLowerCase(Locale.ROOT));
        return new Platform(normalOs, archAndVariant[0], archAndVariant[1]);
    }

    private static String[] normalizeArch(final String arch, final String variant) {
        switch (arch) {
            case "i386":
                return new String[] {"386", ""};
            case "x86_64":
            case "x86-64":
            case "amd64":
                return new String[] {"amd64", "v1".equals(variant) ? "" : variant};
            case "aarch64":
            case "arm64":
                return new String[] {"arm64", normalizeArm64Variant(variant)};
            case "armhf":
                return new String[] {"arm", "v7"};
            case "armel":
                return new String[] {"arm", "v6"};
            case "arm":
                return new String[] {"arm", normalizeArmVariant(variant)};
            default:
                return new String[] {arch, variant};
        }
    }

    private static String normalizeArm64Variant(final String variant) {
        switch (variant) {
            case "8":
            case "v8":
            case "v8.0":
                return "";
            case "9":
            case "9.0":
            case "v9.0":
                return "v9";
            default:
                return variant;
        }
    }

    private static String normalizeArmVariant(final String variant) {
        switch (variant) {
            case "":
            case "7":
                return "v7";
            case "5":
            case "6":
            case "8":
                return "v" + variant;
            default:
                return variant;
        }
    }

    /**
     * Returns the operating system.
     *
     * @return e.g. {@code linux}, {@code windows}, {@code darwin}
     */
    public String os() {
        return os;
    }

    /**
     * Returns the architecture, in Go's {@code GOARCH} spelling.
     *
     * @return e.g. {@code amd64}, {@code arm64}, {@code arm}, {@code 386}
     */
    public String architecture() {
        return architecture;
    }

    /**
     * Returns the CPU variant.
     *
     * @return e.g. {@code v7} for {@code linux/arm/v7}; empty for {@code linux/arm64} and {@code linux/amd64}
     */
    public Optional<String> variant() {
        return variant.isEmpty() ? Optional.empty() : Optional.of(variant);
    }

    /**
     * Tells whether another platform is the same platform, as containerd's {@code NewMatcher(this).Match}: the
     * normalised OS, architecture and variant are equal. So {@code linux/arm64} matches {@code linux/aarch64/v8}
     * and {@code linux/arm} matches {@code linux/armhf}, but {@code linux/arm/v7} does not match
     * {@code linux/arm/v6}.
     *
     * @param other the platform of, say, a manifest in an image index
     * @return whether both name the same platform
     */
    public boolean matches(final Platform other) {
        return equals(other);
    }

    /**
     * Tells whether an image built for another platform runs on this one, as containerd's {@code Only(this)}:
     * {@code amd64/vN} runs images for {@code amd64} down to {@code v1} and for {@code 386}; {@code arm/vN} runs
     * {@code arm} down to {@code v5}; {@code arm64} runs its own and lower {@code v8.x}/{@code v9.x} variants and
     * {@code arm/v8} down to {@code arm/v5}. The OS must be equal.
     *
     * @param other the platform the image was built for
     * @return whether this platform can run it
     */
    public boolean runs(final Platform other) {
        return PlatformCompatibility.runs(this, other);
    }

    @Override
    public boolean equals(@CheckForNull final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Platform)) {
            return false;
        }
        Platform other = (Platform) o;
        return os.equals(other.os) && architecture.equals(other.architecture) && variant.equals(other.variant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(os, architecture, variant);
    }

    /**
     * Returns the normalised platform, which {@link #parse(String)} turns back into an equal value.
     *
     * @return {@code os/arch} or {@code os/arch/variant}, e.g. {@code linux/arm64} or {@code linux/arm/v7}
     */
    @Override
    public String toString() {
        return variant.isEmpty() ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
    }

    /**
     * Creates a platform from its parts and normalises it, for {@link PlatformCompatibility}.
     *
     * @param os the OS
     * @param arch the architecture
     * @param variant the variant or empty
     * @return the normalised platform
     */
    static Platform normalized(final String os, final String arch, final String variant) {
        return of(os, arch, variant);
    }
}
