package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** Wrong digits, unknown number and inactive customer must look exactly alike. */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class VerificationMessagesIT extends BrowserTestBase {

    /** Its own realm, so its failures count in a throttle scope of their own. */
    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-messages");
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
    void wrongDigitsUnknownNumberAndInactiveCustomerGetTheSameAnswer() {
        List<String> pages = new ArrayList<>();
        for (String[] attempt : new String[][] {{"02030405", "0000"}, {"99887766", "3456"}, {"01020305", "8899"}}) {
            browser.verifyCustomer(attempt[0], attempt[1]);
            assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_PAGE);
            assertThat(browser.feedback()).contains("Kundnumret eller siffrorna stämmer inte.");
            assertThat(browser.typedCustomerNumber())
                    .as("the typed number is kept")
                    .isEqualTo(attempt[0]);
            pages.add(browser.pageText().replace(attempt[0], "N"));
        }
        browser.screenshot("verify-customer-rejected-sv");
        assertThat(pages)
                .as("the three pages are identical but for the typed number")
                .containsOnly(pages.get(0));
    }

    @Test
    void emptyFieldsAreExplainedFieldByFieldAndDoNotCountAsGuesses() {
        browser.verifyCustomer("", "");
        assertThat(browser.fieldError("customerNumber")).contains("Ange ert kundnummer.");
        assertThat(browser.fieldError("orgDigits")).contains("Ange de fyra sista siffrorna i organisationsnumret.");
        browser.screenshot("verify-customer-missing-sv");
    }

    @Test
    void pagesSpeakEnglishWhenTheUserChoosesIt() {
        driver.open(driver.getCurrentUrl() + "&kc_locale=en");
        assertThat(browser.pageText()).contains("Customer number", "Last four digits of the organisation number");
        browser.verifyCustomer("99887766", "1234");
        assertThat(browser.feedback()).contains("The customer number or the digits do not match.");
        browser.screenshot("verify-customer-rejected-en");
        driver.open(driver.getCurrentUrl() + "&kc_locale=sv");
    }
}
