package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * Guessing the last four digits is throttled per customer number (5 failures / 15 min in the
 * realm export) and per client address (20 / 15 min), in Keycloak's cluster-wide store.
 * Ordered: the second test builds on the failures of the first, as an attacker would.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerificationThrottleIT extends BrowserTestBase {

    private static final String LOCKED = "För många försök";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-throttle");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    @BeforeEach
    void onVerificationPage() {
        browser.openLogin(oauth, "sv");
        browser.clickRegister();
    }

    @Test
    @Order(1)
    void fiveWrongGuessesLockTheCustomerNumberEvenForTheRightDigits() {
        for (int i = 0; i < 5; i++) {
            browser.verifyCustomer("02030405", "000" + i);
            assertThat(browser.feedback()).hasValueSatisfying(m -> assertThat(m).isEqualTo("Kundnumret eller siffrorna stämmer inte."));
        }
        browser.verifyCustomer("02030405", "3456");
        assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_PAGE);
        assertThat(browser.feedback()).hasValueSatisfying(m -> assertThat(m).startsWith("Kundnumret eller siffrorna stämmer inte.").contains(LOCKED));
        browser.screenshot("verify-customer-locked-sv");

        browser.verifyCustomer("04050607", "7652");
        assertThat(browser.pageId()).as("another customer number is still open").isEqualTo(Browser.REGISTER_PAGE);
    }

    @Test
    @Order(2)
    void aClientTryingManyCustomerNumbersIsLockedOutOfAllOfThem() {
        // 5 failures so far from this address; 15 more spread over other numbers reach the 20 per client.
        for (int i = 0; i < 15; i++) {
            browser.verifyCustomer(String.valueOf(70000000 + i), "1234");
            assertThat(browser.feedback()).hasValueSatisfying(m -> assertThat(m).doesNotContain(LOCKED));
        }
        browser.verifyCustomer("01020304", "4400");
        assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_PAGE);
        assertThat(browser.feedback()).hasValueSatisfying(m -> assertThat(m).contains(LOCKED));

        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.login("01020304", "4400");
        assertThat(browser.pageId()).as("the old company login at the login form is throttled too").isEqualTo(Browser.LOGIN_PAGE);
        assertThat(browser.feedback()).hasValueSatisfying(m -> assertThat(m).contains(LOCKED));
    }
}
