package org.athanor.simulators;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One simulated lab shared by every integration test in the JVM (as Milo's own tests share one server fixture):
 * starting Milo and HiveMQ costs tens of seconds on a loaded machine. Tests use their own sample ids and leave the
 * instruments they fault in a usable state. Closed when the JVM exits.
 */
public final class SharedLab {

    /** Lab seconds per wall second: a 1100 °C program with cooling (~5 h) passes in about 4 s. */
    public static final double PACE = 5000;
    private static SimulatedLab lab;

    private SharedLab() {
    }

    public static synchronized SimulatedLab get() throws Exception {
        if (lab == null) {
            Path dir = Files.createTempDirectory("athanor-it-lab-");
            lab = SimulatedLab.start(SimulatedLabOptions.forTests(PACE).withDataDir(dir));
            SimulatedLab started = lab;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    // The JVM is exiting; nothing to report to.
                }
            }));
        }
        return lab;
    }
}
