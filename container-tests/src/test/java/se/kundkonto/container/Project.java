package se.kundkonto.container;

import java.nio.file.Path;

/** Paths and versions of the build under test, handed over by Maven. */
final class Project {

    private Project() {}

    static Path root() {
        return Path.of(System.getProperty("kundkonto.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static String version() {
        return System.getProperty("kundkonto.version");
    }

    static String keycloakVersion() {
        return System.getProperty("keycloak.server.version");
    }

    /** The one deployable jar, relative to the repository root. */
    static String packJar() {
        return "pack/target/kundkonto-" + version() + ".jar";
    }

    static final String REALM_FILE = "realm-export/kundportal-realm.json";
    static final String REGISTRY_SEED = "realm-export/registry/kundregister-demo.sql";
}
