package se.kundkonto.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * The same jar in the official Keycloak image. Needs a Docker engine: where there is none (as on
 * the project's build machines) JUnit reports the class as skipped, "disabledWithoutDocker".
 */
@Testcontainers(disabledWithoutDocker = true)
class OfficialImageSmokeIT {

    private static final String SEED_IN_CONTAINER = "/opt/keycloak/data/kundregister-demo.sql";

    @Container
    static final KeycloakContainer KEYCLOAK = new KeycloakContainer(
                    "quay.io/keycloak/keycloak:" + Project.keycloakVersion())
            .withProviderLibsFrom(
                    List.of(Project.root().resolve(Project.packJar()).toFile()))
            .withCopyFileToContainer(
                    MountableFile.forHostPath(Project.root().resolve(Project.REALM_FILE)),
                    "/opt/keycloak/data/import/kundportal-realm.json")
            .withCopyFileToContainer(
                    MountableFile.forHostPath(Project.root().resolve(Project.REGISTRY_SEED)), SEED_IN_CONTAINER)
            .withCustomCommand("--import-realm")
            // The registry datasource through environment variables (the JDBC URL contains spaces).
            .withEnv("KC_DB_KIND_KUNDREGISTER", "dev-mem")
            .withEnv(
                    "KC_DB_URL_FULL_KUNDREGISTER",
                    "jdbc:h2:mem:kundregister;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '" + SEED_IN_CONTAINER
                            + "' CHARSET 'UTF-8'")
            .withEnv("KC_DB_USERNAME_KUNDREGISTER", "sa")
            .withEnv("KC_DB_PASSWORD_KUNDREGISTER", "sa");

    @Test
    void theSwedishLoginPageOffersRegistrationByEmail() throws Exception {
        String auth = KEYCLOAK.getAuthServerUrl() + "/realms/kundportal/protocol/openid-connect/auth"
                + "?client_id=mina-sidor&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb";
        HttpResponse<String> page = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(auth))
                                .header("Accept-Language", "sv")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Registrera konto med E-post");
    }
}
