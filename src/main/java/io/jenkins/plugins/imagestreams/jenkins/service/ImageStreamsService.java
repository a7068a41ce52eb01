package io.jenkins.plugins.imagestreams.jenkins.service;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.registry.RegistryClient;
import io.jenkins.plugins.imagestreams.core.store.FileStatusStore;
import io.jenkins.plugins.imagestreams.core.store.StatusStoreException;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.RegistryTransports;
import io.jenkins.plugins.imagestreams.registry.jib.JibRegistryClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wires the core {@link ImageStreams} service into Jenkins: the spec comes from {@link ImageStreamsConfiguration},
 * the status lives in {@code $JENKINS_HOME/imagestreams/<stream>.json}, and time is the system UTC clock. Steps,
 * the management page, REST and the poller all go through {@link #streams()}.
 */
@Extension
public class ImageStreamsService {
    private static final Logger LOGGER = Logger.getLogger(ImageStreamsService.class.getName());
    /** The directory under {@code $JENKINS_HOME} that holds the status files. */
    public static final String STATUS_DIRECTORY = "imagestreams";

    private final JenkinsFacade jenkins;
    private volatile ImageStreams streams;
    private volatile RegistryClient registry;

    /** Creates the service for Jenkins. */
    public ImageStreamsService() {
        this(new JenkinsFacade());
    }

    ImageStreamsService(final JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    /**
     * Returns the singleton.
     *
     * @return the service
     */
    public static ImageStreamsService get() {
        return ExtensionList.lookupSingleton(ImageStreamsService.class);
    }

    /**
     * Returns the core service, creating it on first use.
     *
     * @return the service that every operation goes through
     */
    public ImageStreams streams() {
        ImageStreams current = streams;
        if (current == null) {
            synchronized (this) {
                current = streams;
                if (current == null) {
                    current = create();
                    streams = current;
                }
            }
        }
        return current;
    }

    /**
     * Returns the registry adapter that imports and the connection test share, creating it on first use. Each
     * registry is reached with the transport the configuration and Jenkins' proxy give it
     * ({@link RegistryTransports}); one pooled HTTP client per registry and one token cache serve every caller.
     *
     * @return the registry client
     */
    public RegistryClient registry() {
        RegistryClient current = registry;
        if (current == null) {
            synchronized (this) {
                current = registry;
                if (current == null) {
                    current = new JibRegistryClient(RegistryTransports.ofJenkins(jenkins), Clock.systemUTC());
                    registry = current;
                }
            }
        }
        return current;
    }

    private ImageStreams create() {
        Path directory = jenkins.getRootDir().toPath().resolve(STATUS_DIRECTORY);
        FileStatusStore store = new FileStatusStore(
                directory,
                Clock.systemUTC(),
                (stream, keptAs, reason) -> LOGGER.log(
                        Level.WARNING,
                        "ImageStream {0}: unreadable status file kept aside as {1}: {2}",
                        new Object[] {stream, keptAs, reason}));
        return new ImageStreams(
                () -> ImageStreamsConfiguration.get().toModel(),
                store,
                Clock.systemUTC(),
                ImageStreams.ProtectedDigests.NONE);
    }

    /**
     * Brings every stream's status in line with its spec (copies, pins, archived tags), with no registry request.
     * Failures are logged per stream and never stop the others.
     */
    public void reconcileAll() {
        for (ImageStream stream : ImageStreamsConfiguration.get().toModel()) {
            try {
                streams().reconcile(stream.name());
            } catch (InvalidValueException | StatusStoreException e) {
                LOGGER.log(Level.WARNING, "ImageStream " + stream.name() + ": could not reconcile its status", e);
            }
        }
    }

    /** Reconciles every stream once the configuration is loaded. */
    @Initializer(after = InitMilestone.SYSTEM_CONFIG_ADAPTED)
    public static void reconcileOnStartup() {
        get().reconcileAll();
    }
}
