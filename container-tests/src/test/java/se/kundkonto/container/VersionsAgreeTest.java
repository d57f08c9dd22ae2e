package se.kundkonto.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The versions that must be bumped together (README "Upgrading"): the Keycloak server the tests run on,
 * the account console's Keycloak library, and the compatibility line in CHANGELOG.md.
 */
class VersionsAgreeTest {

    @Test
    void theAccountConsoleUsesTheKeycloakLibraryOfTheServer() throws IOException {
        String packageJson = Files.readString(Project.root().resolve("account-console/package.json"));
        Matcher ui = Pattern.compile("\"@keycloak/keycloak-account-ui\":\\s*\"([^\"]+)\"")
                .matcher(packageJson);
        assertThat(ui.find()).isTrue();
        assertThat(ui.group(1)).isEqualTo(Project.keycloakVersion());
    }

    @Test
    void theChangelogsCompatibilityLineNamesThisVersionAndThatServer() throws IOException {
        String changelog = Files.readString(Project.root().resolve("CHANGELOG.md"));
        String release = Project.version().replace("-SNAPSHOT", "");
        assertThat(changelog.lines().filter(l -> l.startsWith("| " + release + " |")))
                .as("a compatibility row for %s", release)
                .singleElement()
                .asString()
                .contains(Project.keycloakVersion());
    }
}
