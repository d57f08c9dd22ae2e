package se.kundkonto.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The production Dockerfile cannot be built here (no Docker engine), so check what can drift from the
 * build: the Keycloak version, the jar it copies, the build-time options, and that the README names the
 * same ones.
 */
class DockerfileTest {

    private static List<String> lines() throws IOException {
        return Files.readAllLines(Project.root().resolve("Dockerfile")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    private static String instructions() throws IOException {
        return String.join("\n", lines()).replace("\\\n", " ");
    }

    static final List<String> BUILD_TIME = List.of(
            "KC_DB=postgres", "KC_DB_KIND_KUNDREGISTER=postgres", "KC_HEALTH_ENABLED=true", "KC_METRICS_ENABLED=true");

    @Test
    void isMultiStageOnTheKeycloakVersionTheTestsRunOn() throws IOException {
        List<String> from = lines().stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from)
                .containsExactly(
                        "FROM quay.io/keycloak/keycloak:" + Project.keycloakVersion() + " AS builder",
                        "FROM quay.io/keycloak/keycloak:" + Project.keycloakVersion());
        assertThat(instructions()).contains("COPY --from=builder /opt/keycloak/ /opt/keycloak/");
    }

    @Test
    void copiesTheBuiltPackAndBakesTheBuildTimeOptions() throws IOException {
        String all = instructions();
        assertThat(all).contains("COPY " + Project.packJar() + " /opt/keycloak/providers/kundkonto.jar");
        assertThat(Project.root().resolve(Project.packJar()))
                .as("the pack is built before this test")
                .isRegularFile();
        assertThat(all.split("\n"))
                .anyMatch(l -> l.startsWith("ENV ") && BUILD_TIME.stream().allMatch(l::contains));
        assertThat(all.indexOf("RUN /opt/keycloak/bin/kc.sh build"))
                .as("kc.sh build after the jar and options")
                .isGreaterThan(all.indexOf("COPY " + Project.packJar()));
    }

    /** The registry's outage must not fail readiness: a raw Quarkus build property, in conf/ before the build. */
    @Test
    void bakesTheServerConfIntoTheBuild() throws IOException {
        String all = instructions();
        String copy = "COPY server-conf/quarkus.properties /opt/keycloak/conf/quarkus.properties";
        assertThat(all).contains(copy);
        assertThat(all.indexOf(copy)).isLessThan(all.indexOf("RUN /opt/keycloak/bin/kc.sh build"));
        assertThat(Files.readAllLines(Project.root().resolve("server-conf/quarkus.properties")))
                .contains("quarkus.datasource.\"kundregister\".health-exclude=true");
    }

    @Test
    void startsOptimized() throws IOException {
        assertThat(lines()).contains("ENTRYPOINT [\"/opt/keycloak/bin/kc.sh\"]", "CMD [\"start\", \"--optimized\"]");
    }

    @Test
    void theReadmeDescribesTheSameImage() throws IOException {
        String readme = Files.readString(Project.root().resolve("README.md"));
        assertThat(readme)
                .contains(
                        "quay.io/keycloak/keycloak:" + Project.keycloakVersion(),
                        "start --optimized",
                        "kundkonto-keycloak:" + Project.version());
        BUILD_TIME.forEach(option -> assertThat(readme).as(option).contains(option));
    }
}
