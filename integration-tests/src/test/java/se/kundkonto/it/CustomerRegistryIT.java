package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.ws.rs.NotFoundException;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

import se.kundkonto.customer.PackVersion;

/**
 * The customer-registry federation on the server, against whichever registry database the run uses
 * (H2 by default, PostgreSQL in the postgres execution). It is the realm's registry component, but no
 * source of users: a registry number is unknown to every Keycloak user lookup, the admin API included,
 * exactly like a number that is in no registry (anything else lets lookups tell them apart).
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class CustomerRegistryIT {

    /** Active, inactive, a sole trader's, and one that is in no registry. */
    private static final List<String> NUMBERS = List.of("01020304", "01020305", "03040506", "99887766");

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-registry");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak adminClient;

    private ComponentRepresentation registry() {
        List<ComponentRepresentation> components =
                realm.admin().components().query(realm.getId(), "org.keycloak.storage.UserStorageProvider");
        return components.stream()
                .filter(c -> "customer-registry".equals(c.getProviderId()))
                .findFirst()
                .orElseThrow();
    }

    private UserResource federatedUser(String customerNumber) {
        return realm.admin().users().get("f:" + registry().getId() + ":" + customerNumber);
    }

    /** Admin console → Provider info: each SPI of the pack tells which kundkonto and which Keycloak it was built for. */
    @Test
    void everyProviderShowsTheDeployedVersionInItsOperationalInfo() {
        var providers = adminClient.serverInfo().getInfo().getProviders();
        for (String[] provider : new String[][] {
            {"authenticator", "kundkonto-verify-customer"},
            {"authenticator", "kundkonto-select-customer"},
            {"form-action", "kundkonto-link-customer"},
            {"storage", "customer-registry"},
            {"protocol-mapper", "kundkonto-customer-claims"},
            {"realm-restapi-extension", "kundkonto"},
            {"admin-realm-restapi-extension", "kundkonto-guess-locks"}
        }) {
            var spi = providers.get(provider[0]);
            assertThat(spi).as("SPI %s", provider[0]).isNotNull();
            var info = spi.getProviders().get(provider[1]);
            assertThat(info).as("%s in %s", provider[1], provider[0]).isNotNull();
            assertThat(info.getOperationalInfo())
                    .as(provider[1])
                    .containsEntry("kundkontoVersion", PackVersion.VERSION)
                    .containsEntry(
                            "builtForKeycloak",
                            adminClient.serverInfo().getInfo().getSystemInfo().getVersion());
        }
    }

    @Test
    void theRegistryIsStillTheRealmsFederationComponent() {
        assertThat(registry().getConfig().getFirst("persistenceUnit")).isEqualTo("kundregister");
        assertThat(registry().getConfig().getFirst("enabled")).isEqualTo("true");
    }

    @Test
    void noRegistryNumberIsAKeycloakUser() {
        for (String number : NUMBERS) {
            assertThatThrownBy(() -> federatedUser(number).toRepresentation())
                    .as(number)
                    .isInstanceOf(NotFoundException.class);
            assertThat(realm.admin().users().search(number, true)).as(number).isEmpty();
            assertThat(realm.admin().users().searchByUsername(number, true))
                    .as(number)
                    .isEmpty();
            assertThat(realm.admin().users().search(number, 0, 10)).as(number).isEmpty();
            assertThat(realm.admin().users().count(number)).as(number).isZero();
        }
    }

    @Test
    void theRegistryCannotBeChangedThroughKeycloak() {
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Takeover2026!x");
        password.setTemporary(false);
        for (String number : NUMBERS) {
            assertThatThrownBy(() -> federatedUser(number).resetPassword(password))
                    .as(number)
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> federatedUser(number).remove()).as(number).isInstanceOf(NotFoundException.class);
        }
        assertThat(realm.admin().users().search("01020304", true))
                .as("nothing was created either")
                .isEmpty();
    }
}
