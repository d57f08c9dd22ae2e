package se.kundkonto.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started here (no Docker engine), so check what can drift: the
 * Keycloak version, the built jar, the realm file and the registry seed it mounts.
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
    private static List<String> list(Map<String, Object> service, String key) {
        return (List<String>) service.get(key);
    }

    private static String hostPathOf(List<String> volumes, String containerPath) {
        return volumes.stream().filter(v -> v.split(":")[1].equals(containerPath)).map(v -> v.split(":")[0])
                .findFirst().orElseThrow(() -> new AssertionError("no volume for " + containerPath));
    }

    @Test
    void usesTheKeycloakVersionTheTestsRunOn() throws IOException {
        assertThat(service("keycloak").get("image")).isEqualTo("quay.io/keycloak/keycloak:" + Project.keycloakVersion());
    }

    @Test
    void mountsTheBuiltJarAndTheRealmExport() throws IOException {
        List<String> volumes = list(service("keycloak"), "volumes");
        String jar = hostPathOf(volumes, "/opt/keycloak/providers/kundkonto.jar");
        assertThat(jar).isEqualTo("./" + Project.packJar());
        assertThat(Project.root().resolve(jar)).as("the pack is built before this test").isRegularFile();
        String realm = hostPathOf(volumes, "/opt/keycloak/data/import/kundportal-realm.json");
        assertThat(realm).isEqualTo("./" + Project.REALM_FILE);
        assertThat(Project.root().resolve(realm)).isRegularFile();
        assertThat(list(service("keycloak"), "command")).contains("--import-realm", "--db-kind-kundregister=postgres");
    }

    @Test
    void seedsTheRegistryDatabaseWithTheSameDemoCustomers() throws IOException {
        List<String> volumes = list(service("postgres"), "volumes");
        for (String volume : volumes.subList(0, 2)) {
            assertThat(Project.root().resolve(volume.split(":")[0])).isRegularFile();
        }
        assertThat(hostPathOf(volumes, "/kundkonto/kundregister-demo.sql")).isEqualTo("./" + Project.REGISTRY_SEED);
        Path init = Project.root().resolve(hostPathOf(volumes, "/docker-entrypoint-initdb.d/10-kundregister.sh"));
        assertThat(Files.readString(init)).contains("CREATE DATABASE kundregister", "/kundkonto/kundregister-demo.sql");
    }
}
