package se.kundkonto.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started here (no Docker engine), so check what can drift: the image it
 * builds, the realm file and registry seed it mounts, the health checks, the read-only registry role and
 * that no secret is written into it.
 */
class DockerComposeTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(Project.root().resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Map<String, Object> service, String key) {
        return (T) service.get(key);
    }

    private static String hostPathOf(List<String> volumes, String containerPath) {
        return volumes.stream()
                .filter(v -> v.split(":")[1].equals(containerPath))
                .map(v -> v.split(":")[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume for " + containerPath));
    }

    @Test
    void buildsTheProductionImageAndStartsItOptimized() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        Map<String, Object> build = get(keycloak, "build");
        assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", "Dockerfile");
        assertThat(Project.root().resolve((String) build.get("dockerfile"))).isRegularFile();
        assertThat((String) get(keycloak, "image")).isEqualTo("kundkonto-keycloak:" + Project.version());
        List<String> command = get(keycloak, "command");
        assertThat(command).containsExactly("start", "--optimized", "--import-realm");
    }

    @Test
    void mountsTheRealmExport() throws IOException {
        List<String> volumes = get(service("keycloak"), "volumes");
        String realm = hostPathOf(volumes, "/opt/keycloak/data/import/kundportal-realm.json");
        assertThat(realm).isEqualTo("./" + Project.REALM_FILE);
        assertThat(Project.root().resolve(realm)).isRegularFile();
    }

    @Test
    void bothServersHaveHealthChecksAndKeycloakWaitsForTheDatabase() throws IOException {
        Map<String, Object> postgres = get(service("postgres"), "healthcheck");
        List<String> postgresTest = get(postgres, "test");
        assertThat(String.join(" ", postgresTest)).contains("pg_isready");
        Map<String, Object> keycloak = get(service("keycloak"), "healthcheck");
        List<String> keycloakTest = get(keycloak, "test");
        assertThat(String.join(" ", keycloakTest)).contains("/dev/tcp/127.0.0.1/9000", "GET /health/ready", "\"UP\"");
        Map<String, Map<String, String>> dependsOn = get(service("keycloak"), "depends_on");
        assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
    }

    @Test
    void readsTheRegistryAsTheSelectOnlyRoleTheInitScriptCreates() throws IOException {
        List<String> volumes = get(service("postgres"), "volumes");
        Path init = Project.root().resolve(hostPathOf(volumes, "/docker-entrypoint-initdb.d/10-kundregister.sh"));
        String script = Files.readString(init);
        Matcher role = Pattern.compile("CREATE ROLE (\\w+) LOGIN").matcher(script);
        assertThat(role.find()).as("the init script creates a login role").isTrue();
        String reader = role.group(1);
        assertThat(script)
                .contains("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + reader)
                .doesNotContainPattern("GRANT (ALL|INSERT|UPDATE|DELETE)[^;]*TO " + reader);
        Map<String, String> env = get(service("keycloak"), "environment");
        assertThat(env)
                .containsEntry("KC_DB_USERNAME_KUNDREGISTER", reader)
                .containsEntry("KC_DB_URL_FULL_KUNDREGISTER", "jdbc:postgresql://postgres:5432/kundregister");
        Map<String, String> postgresEnv = get(service("postgres"), "environment");
        assertThat(postgresEnv.get("KUNDREGISTER_READER_PASSWORD")).isEqualTo(env.get("KC_DB_PASSWORD_KUNDREGISTER"));
    }

    @Test
    void secretsComeFromTheEnvironment() throws IOException {
        Map<String, String> env = get(service("keycloak"), "environment");
        for (String secret : List.of("KC_DB_PASSWORD", "KC_DB_PASSWORD_KUNDREGISTER", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
            assertThat(env.get(secret)).as(secret).matches("\\$\\{[A-Z_]+(:-[^}]*)?}");
        }
        List<String> command = get(service("keycloak"), "command");
        assertThat(command).noneMatch(c -> c.contains("password"));
    }

    @Test
    void seedsTheRegistryDatabaseWithTheSameDemoCustomers() throws IOException {
        List<String> volumes = get(service("postgres"), "volumes");
        for (String volume : volumes.subList(0, 2)) {
            assertThat(Project.root().resolve(volume.split(":")[0])).isRegularFile();
        }
        assertThat(hostPathOf(volumes, "/kundkonto/kundregister-demo.sql")).isEqualTo("./" + Project.REGISTRY_SEED);
        Path init = Project.root().resolve(hostPathOf(volumes, "/docker-entrypoint-initdb.d/10-kundregister.sh"));
        assertThat(Files.readString(init)).contains("CREATE DATABASE kundregister", "/kundkonto/kundregister-demo.sql");
    }
}
