package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The customer-registry user storage on the server, against whichever registry database the run
 * uses (H2 by default, PostgreSQL in the postgres execution): lookups, and that it is read-only.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class CustomerRegistryIT {

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-registry");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    private String registryId() {
        List<ComponentRepresentation> components = realm.admin().components()
                .query(realm.getId(), "org.keycloak.storage.UserStorageProvider");
        return components.stream().filter(c -> "customer-registry".equals(c.getProviderId())).findFirst().orElseThrow().getId();
    }

    private UserResource companyLogin(String customerNumber) {
        return realm.admin().users().get("f:" + registryId() + ":" + customerNumber);
    }

    @Test
    void aRegistryCustomerIsADisabledReadOnlyCompanyLogin() {
        UserRepresentation login = companyLogin("01020304").toRepresentation();
        assertThat(login.getUsername()).isEqualTo("01020304");
        assertThat(login.isEnabled()).as("company logins can never log in").isFalse();
        assertThat(login.getAttributes()).containsEntry("kundkonto.companyName", List.of("Företaget AB"))
                .containsEntry("kundkonto.orgNumber", List.of("112233-4400"));
    }

    @Test
    void unknownCustomerNumbersAreNotFound() {
        assertThatThrownBy(() -> companyLogin("99887766").toRepresentation()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSoleTradersPersonnummerNeverLeavesTheRegistryUnmasked() {
        UserRepresentation login = companyLogin("03040506").toRepresentation();
        assertThat(login.getAttributes().get("kundkonto.orgNumber")).containsExactly("800101-XXXX");
        assertThat(login.getAttributes().get("kundkonto.soleTrader")).containsExactly("true");
        assertThat(login.toString() + login.getAttributes()).doesNotContain("1231");
    }

    @Test
    void theRegistryCannotBeChangedThroughKeycloak() {
        UserResource login = companyLogin("02030405");
        UserRepresentation rep = login.toRepresentation();
        rep.setFirstName("Mallory");
        rep.setEnabled(true);
        assertThatThrownBy(() -> login.update(rep)).isInstanceOf(WebApplicationException.class);

        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Takeover2026!x");
        password.setTemporary(false);
        assertThatThrownBy(() -> login.resetPassword(password)).isInstanceOf(WebApplicationException.class);

        UserRepresentation after = login.toRepresentation();
        assertThat(after.isEnabled()).isFalse();
        assertThat(after.getFirstName()).isNull();
    }
}
