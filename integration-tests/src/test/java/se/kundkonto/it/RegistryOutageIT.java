package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;

/**
 * The registry's database goes down (new connections refused, open ones cut) while Keycloak's own stays
 * up: e-mail logins go on, and a verification says the registry cannot be checked, without counting as a
 * guess, with its own metric and event error. Only on PostgreSQL: the in-memory H2 registry lives inside
 * the server and cannot be taken away by the test. Readiness during the outage is tested on nodes built
 * like the production image ({@code RegistryOutageReadinessIT} in {@code cluster/}): this server is the
 * test framework's {@code start-dev}, without {@code server-conf/quarkus.properties}.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class RegistryOutageIT extends BrowserTestBase {

    private static final String EMAIL = "driftstopp@foretaget.se";
    private static final String PASSWORD = "Driftstopp-2026!";

    /** Its own realm (its own throttle scope) and a person in one customer account. */
    public static class Outage implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            OrganizationRepresentation org = ImportedMember.account("02030405", "Sopbolaget i Norr AB", EMAIL);
            return realm.name("kundportal-outage")
                    .users(UserBuilder.create(EMAIL)
                            .email(EMAIL)
                            .emailVerified(true)
                            .name("Drift", "Stopp")
                            .password(PASSWORD)
                            .attribute("phoneNumber", "070-000 00 01"))
                    .update(r -> r.setOrganizations(List.of(org)));
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = Outage.class)
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    @Test
    void emailLoginsGoOnAndVerificationsSaySoWhileTheRegistryDatabaseIsDown() throws Exception {
        assumeTrue(RegistryDatabase.isPostgres(), "the H2 registry cannot be taken away from the test");
        double unavailable = MetricsIT.metric(
                "kundkonto_verifications_total", "entry_point", "registration", "outcome", "unavailable");
        RegistryDatabase.takeDown();
        try {
            // More attempts than the per-number limit (5): none may count as a guess, none may be a 500.
            browser.openLogin(oauth, "sv");
            browser.clickRegister();
            for (int attempt = 0; attempt < 6; attempt++) {
                browser.verifyCustomer("04050607", "7652");
                assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_PAGE);
                assertThat(browser.feedback())
                        .contains("Vi kan inte kontrollera kundnumret just nu. Försök igen om en stund.");
            }
            browser.screenshot("verify-customer-registry-database-down-sv");
            assertThat(MetricsIT.metric(
                                    "kundkonto_verifications_total",
                                    "entry_point",
                                    "registration",
                                    "outcome",
                                    "unavailable")
                            - unavailable)
                    .as("kundkonto_verifications_total{outcome=unavailable}, the metric to alert on")
                    .isEqualTo(6);
            assertThat(realm.admin().getEvents(List.of("REGISTER_ERROR"), null, null, null, null, null, 0, 50))
                    .as("the events tell an outage apart from a wrong answer")
                    .anySatisfy(e -> assertThat(e.getError()).isEqualTo("kundkonto_registry_unavailable"));

            browser.forgetSession(realm.getBaseUrl());
            browser.openLogin(oauth, "sv");
            browser.login(EMAIL, PASSWORD);
            AccessToken token = tokenFromCallback();
            assertThat(token.getPreferredUsername()).isEqualTo(EMAIL);
        } finally {
            RegistryDatabase.bringUp();
        }

        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.clickRegister();
        browser.verifyCustomer("04050607", "7652");
        assertThat(browser.pageId())
                .as("the registry answers again, and the number is not locked")
                .isEqualTo(Browser.REGISTER_PAGE);
        assertThat(browser.pageText()).contains("Återvinning Syd AB");
    }

    /**
     * Only the registry's table gone (a failed ERP migration, a dropped view), the database up: the same
     * answer, and none of the six attempts counts as a guess.
     */
    @Test
    void aRegistryTableThatIsGoneIsSaidSoAndCountsAgainstNobody() {
        assumeTrue(RegistryDatabase.isPostgres(), "the H2 registry cannot be taken away from the test");
        browser.openLogin(oauth, "sv");
        browser.clickRegister();
        RegistryDatabase.execute("ALTER TABLE customer_registry RENAME TO customer_registry_away");
        try {
            // More attempts than the per-number limit (5): none of them may count as a guess.
            for (int attempt = 0; attempt < 6; attempt++) {
                browser.verifyCustomer("04050607", "7652");
                assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_PAGE);
                assertThat(browser.feedback())
                        .contains("Vi kan inte kontrollera kundnumret just nu. Försök igen om en stund.");
            }
            browser.screenshot("verify-customer-registry-down-sv");
        } finally {
            RegistryDatabase.execute("ALTER TABLE customer_registry_away RENAME TO customer_registry");
        }
        browser.verifyCustomer("04050607", "7652");
        assertThat(browser.pageId()).as("back up, and not locked").isEqualTo(Browser.REGISTER_PAGE);
        assertThat(browser.pageText()).contains("Återvinning Syd AB");
    }
}
