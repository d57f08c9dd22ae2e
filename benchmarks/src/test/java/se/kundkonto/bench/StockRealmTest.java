package se.kundkonto.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.util.JsonSerialization;

/** The stock side must really be stock: nothing of the pack may be left in it, and the shared settings must be. */
class StockRealmTest {

    private static RealmRepresentation export() throws IOException {
        try (InputStream in = StockRealmTest.class.getResourceAsStream("/kundportal-realm.json")) {
            return JsonSerialization.readValue(in, RealmRepresentation.class);
        }
    }

    @Test
    void noPartOfThePackIsLeft() throws IOException {
        RealmRepresentation realm = export();
        assertThat(JsonSerialization.writeValueAsString(realm)).contains("kundkonto");

        StockRealm.withoutPack(realm);

        String json = JsonSerialization.writeValueAsString(realm);
        assertThat(json).doesNotContain("kundkonto", "customer-registry", "bankid", "municipalities", "phoneNumber");
        assertThat(realm.isOrganizationsEnabled()).isFalse();
        assertThat(realm.getEventsListeners()).containsExactly("jboss-logging");
    }

    @Test
    void whatIsNotThePackStays() throws IOException {
        RealmRepresentation realm = export();
        StockRealm.withoutPack(realm);

        assertThat(realm.getClients()).extracting(c -> c.getClientId()).contains(Side.CLIENT_ID);
        assertThat(realm.getClients().stream()
                        .filter(c -> c.getClientId().equals(Side.CLIENT_ID))
                        .findFirst()
                        .orElseThrow()
                        .getSecret())
                .isEqualTo(Side.CLIENT_SECRET);
        assertThat(realm.getPasswordPolicy()).isEqualTo(export().getPasswordPolicy());
        assertThat(realm.isBruteForceProtected()).isTrue();
        assertThat(realm.isRegistrationAllowed()).isTrue();
        assertThat(realm.isRegistrationEmailAsUsername()).isTrue();
        assertThat(realm.isEventsEnabled()).isTrue();
        assertThat(realm.getSmtpServer()).isEqualTo(export().getSmtpServer());
    }
}
