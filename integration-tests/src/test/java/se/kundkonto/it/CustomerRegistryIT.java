package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.ws.rs.NotFoundException;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

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

    private ComponentRepresentation registry() {
        List<ComponentRepresentation> components = realm.admin().components()
                .query(realm.getId(), "org.keycloak.storage.UserStorageProvider");
        return components.stream().filter(c -> "customer-registry".equals(c.getProviderId())).findFirst().orElseThrow();
    }

    private UserResource federatedUser(String customerNumber) {
        return realm.admin().users().get("f:" + registry().getId() + ":" + customerNumber);
    }

    @Test
    void theRegistryIsStillTheRealmsFederationComponent() {
        assertThat(registry().getConfig().getFirst("persistenceUnit")).isEqualTo("kundregister");
        assertThat(registry().getConfig().getFirst("enabled")).isEqualTo("true");
    }

    @Test
    void noRegistryNumberIsAKeycloakUser() {
        for (String number : NUMBERS) {
            assertThatThrownBy(() -> federatedUser(number).toRepresentation()).as(number).isInstanceOf(NotFoundException.class);
            assertThat(realm.admin().users().search(number, true)).as(number).isEmpty();
            assertThat(realm.admin().users().searchByUsername(number, true)).as(number).isEmpty();
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
            assertThatThrownBy(() -> federatedUser(number).resetPassword(password)).as(number).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> federatedUser(number).remove()).as(number).isInstanceOf(NotFoundException.class);
        }
        assertThat(realm.admin().users().search("01020304", true)).as("nothing was created either").isEmpty();
    }
}
