package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The profile: phone numbers validated with libphonenumber and stored as E.164 whichever way they
 * came in, and "Mina kommuner" (290 municipalities, searchable) reaching the token.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class ProfileIT extends BrowserTestBase {

    private static final String PASSWORD = "Profil2026!ok";
    private static final String UPDATE_PROFILE_PAGE = "login-login-update-profile";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-profile");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    private UserRepresentation user(String email) {
        return realm.admin().users().searchByEmail(email, true).get(0);
    }

    private void chooseMunicipality(String search, String code) {
        WebElement filter = driver.findElement(By.id("municipalities-filter"));
        filter.clear();
        filter.sendKeys(search);
        WebElement option = driver.findElement(By.cssSelector("#municipalities option[value='" + code + "']"));
        assertThat(option.isDisplayed()).as(search + " finds " + code).isTrue();
        ((JavascriptExecutor) driver.driver()).executeScript("arguments[0].selected = true;", option);
    }

    private List<String> visibleOptions() {
        return driver.driver().findElements(By.cssSelector("#municipalities option")).stream()
                .filter(o -> !"true".equals(o.getDomAttribute("hidden")))
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void aRegisteredPhoneNumberIsStoredInOneForm() {
        registerNewUser("01020304", "4400", "telefon@foretaget.se", PASSWORD);
        tokenFromCallback();
        assertThat(user("telefon@foretaget.se").firstAttribute("phoneNumber")).isEqualTo("+46700000000");

        // The admin API goes through the same rules.
        UserRepresentation rep = user("telefon@foretaget.se");
        rep.singleAttribute("phoneNumber", "08-123 456 78");
        realm.admin().users().get(rep.getId()).update(rep);
        assertThat(user("telefon@foretaget.se").firstAttribute("phoneNumber")).isEqualTo("+46812345678");
    }

    @Test
    void municipalitiesAndPhoneAreChangedOnTheProfilePageAndReachTheToken() {
        registerNewUser("02030405", "3456", "kommuner@norr.se", PASSWORD);
        tokenFromCallback();

        oauth.loginForm().kcAction("UPDATE_PROFILE").uiLocales("sv").open();
        assertThat(browser.pageId()).isEqualTo(UPDATE_PROFILE_PAGE);
        assertThat(browser.pageText()).contains("Mina kommuner", "Välj de kommuner där ni har tjänster");
        assertThat(driver.driver().findElements(By.cssSelector("#municipalities option")))
                .hasSize(290);
        chooseMunicipality("göte", "1480");
        assertThat(visibleOptions()).contains("Göteborg").doesNotContain("Kiruna");
        chooseMunicipality("Stockh", "0180");
        browser.screenshot("update-profile-municipalities-sv");

        // A bad phone number: a Swedish message, and the chosen municipalities are still chosen.
        WebElement phone = driver.findElement(By.id("phoneNumber"));
        phone.clear();
        phone.sendKeys("070-12");
        browser.submit("kc-update-profile-form");
        assertThat(browser.pageId()).isEqualTo(UPDATE_PROFILE_PAGE);
        assertThat(browser.fieldError("phoneNumber"))
                .hasValueSatisfying(m -> assertThat(m).contains("Ange ett giltigt telefonnummer"));
        assertThat(driver.findElement(By.cssSelector("#municipalities option[value='1480']"))
                        .isSelected())
                .isTrue();
        browser.screenshot("update-profile-invalid-phone-sv");
        assertThat(user("kommuner@norr.se").getAttributes()).doesNotContainKey("municipalities");

        phone = driver.findElement(By.id("phoneNumber"));
        phone.clear();
        phone.sendKeys("+46 70 123 45 67");
        browser.submit("kc-update-profile-form");
        AccessToken token = tokenFromCallback();
        assertThat(token.getOtherClaims().get("municipalities")).asList().containsExactlyInAnyOrder("1480", "0180");
        assertThat(user("kommuner@norr.se").firstAttribute("phoneNumber")).isEqualTo("+46701234567");
    }

    @Test
    void anUnknownMunicipalityCodeIsRefusedAndNothingChanges() {
        registerNewUser("04050607", "7652", "okand@syd.se", PASSWORD);
        tokenFromCallback();

        // A tampered form: an option that is not in the list.
        oauth.loginForm().kcAction("UPDATE_PROFILE").uiLocales("sv").open();
        ((JavascriptExecutor) driver.driver())
                .executeScript(
                        "var o = document.createElement('option'); o.value = '9999'; o.text = 'Atlantis'; o.selected = true;"
                                + "document.getElementById('municipalities').appendChild(o);");
        WebElement lastName = driver.findElement(By.id("lastName"));
        lastName.clear();
        lastName.sendKeys("Ändrad");
        browser.submit("kc-update-profile-form");
        assertThat(browser.pageId()).isEqualTo(UPDATE_PROFILE_PAGE);
        assertThat(browser.fieldError("municipalities")).hasValue("Ogiltigt värde.");
        UserRepresentation unchanged = user("okand@syd.se");
        assertThat(unchanged.getLastName()).isEqualTo("Person");
        assertThat(unchanged.getAttributes()).doesNotContainKey("municipalities");

        // The admin API refuses it as well.
        unchanged.setAttributes(
                Map.of("municipalities", List.of("0180", "9999"), "phoneNumber", List.of("070-000 00 00")));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> realm.admin().users().get(unchanged.getId()).update(unchanged)))
                .isInstanceOf(jakarta.ws.rs.BadRequestException.class);
        assertThat(user("okand@syd.se").getAttributes()).doesNotContainKey("municipalities");
    }
}
