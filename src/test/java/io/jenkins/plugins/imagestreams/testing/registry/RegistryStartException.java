package io.jenkins.plugins.imagestreams.testing.registry;

import java.io.IOException;

/** The registry process did not come up; the message ends with the registry's own log. */
final class RegistryStartException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean portInUse;

    /**
     * @param message what went wrong
     * @param registryLog the registry's output, appended to the message
     * @param portTaken whether another server already answered on the port
     */
    RegistryStartException(String message, String registryLog, boolean portTaken) {
        super(message + "\n--- docker-registry log ---\n" + registryLog);
        this.portInUse = portTaken || registryLog.contains("address already in use");
    }

    /** @return whether another process held the port, so a retry on a new port may work */
    boolean isPortInUse() {
        return portInUse;
    }
}
