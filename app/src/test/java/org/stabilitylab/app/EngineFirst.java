package org.stabilitylab.app;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.stabilitylab.engine.model.NativeThreads;

/**
 * Loads the engine's native libraries before the first test class, as the app's Launcher does before
 * JavaFX starts. Why: ND4J's start-up looks OpenBLAS symbols up in a way that deadlocks against JavaFX
 * loading a library at the same moment; UI tests that train real runs would otherwise start the
 * engine on a background thread while the toolkit runs. Registered for every test class through
 * JUnit's extension auto-detection (src/test/resources).
 */
public final class EngineFirst implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            NativeThreads.configure();
        } catch (RuntimeException | LinkageError e) {
            // tests that need the engine report the failure themselves
        }
    }
}
