package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The uptake report page in a real browser: it signs the realm admin in through the realm's login page
 * (PKCE), shows the counts, the first claims and the customers left, searches, speaks English on request,
 * passes axe (WCAG 2.1 A/AA), and tells a customer Admin, in words, that they may not see it.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class UptakePageIT extends BrowserTestBase {

    private static final String PASSWORD = "UptakePage2026!";
    private static final String SYD = "04050607";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-uptake-page");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    private WebDriverWait waiting() {
        // The page replaces its table rows when it reads a page of results: a row found a moment before may be gone.
        return (WebDriverWait) new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
    }

    private String status() {
        return driver.findElement(By.id("status")).getText().strip();
    }

    private List<String> column(String tbody, int index) {
        return driver.driver().findElements(By.cssSelector("#" + tbody + " tr")).stream()
                .map(tr ->
                        tr.findElements(By.tagName("td")).get(index).getText().strip())
                .toList();
    }

    private String summaryValue(String field) {
        WebElement row = driver.findElement(By.cssSelector("#summary-rows tr[data-field='" + field + "'] td"));
        return row.getText().strip();
    }

    /** Opens the page, signs in on the realm's login page, and waits until the page has read the report (or refused). */
    private void openAndSignIn(String page, String email) {
        driver.open(page);
        waiting().until(d -> Browser.LOGIN_PAGE.equals(browser.pageId()));
        browser.login(email, PASSWORD);
        waiting()
                .until(d -> d.getCurrentUrl().startsWith(page)
                        && !status().isEmpty()
                        && !status().startsWith("Loggar in")
                        && !status().startsWith("Läser")
                        && !status().startsWith("Signing")
                        && !status().startsWith("Reading"));
    }

    @Test
    void aRealmAdminSeesTheReportInSwedishAndEnglish() {
        new HttpRegistration(realm, mailbox).register("01020304", "4400", "forst@foretaget.se", PASSWORD);
        RealmStaff.create(realm, "kundtjanst@bolaget.se", PASSWORD, "view-users");
        String page = RealmStaff.reportPage(realm);

        openAndSignIn(page, "kundtjanst@bolaget.se");
        assertThat(status()).isEqualTo("Rapporten är aktuell.");
        assertThat(driver.driver().getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
        assertThat(summaryValue("customerAccountsWithMembers")).isEqualTo("1");
        assertThat(summaryValue("members")).isEqualTo("1");
        assertThat(summaryValue("admins")).isEqualTo("1");
        assertThat(column("claims-rows", 0))
                .containsExactly(LocalDate.now(ZoneId.of("Europe/Stockholm")).toString());
        assertThat(column("claims-rows", 1)).containsExactly("1");
        List<String> left = column("unclaimed-rows", 0);
        assertThat(left).contains(SYD, "02030405").doesNotContain("01020304", "01020305");
        assertThat(Integer.parseInt(summaryValue("activeCustomersWithoutMembers")))
                .isEqualTo(left.size());
        Accessibility.assertNoViolations(driver, "uptake report (sv)");

        driver.findElement(By.id("search")).sendKeys("syd");
        driver.findElement(By.id("search-button")).click();
        waiting().until(d -> column("unclaimed-rows", 0).equals(List.of(SYD)));
        assertThat(column("unclaimed-rows", 1)).containsExactly("Återvinning Syd AB");
        driver.findElement(By.id("search")).clear();
        driver.findElement(By.id("search")).sendKeys("finns inte");
        driver.findElement(By.id("search-button")).click();
        waiting().until(d -> column("unclaimed-rows", 1).equals(List.of("Ingen aktiv kund utan användare matchar.")));
        driver.findElement(By.id("csv-button")).click();
        assertThat(status()).isEqualTo("Rapporten är aktuell.");

        driver.open(page + "?lang=en"); // the session is still there: no login page this time
        waiting().until(d -> "The report is up to date.".equals(status()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Move to personal accounts");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        Accessibility.assertNoViolations(driver, "uptake report (en)");
    }

    @Test
    void aCustomerAdminIsToldTheyMayNotSeeIt() {
        new HttpRegistration(realm, mailbox).register("02030405", "3456", "chef@norr.se", PASSWORD);
        String page = RealmStaff.reportPage(realm);
        openAndSignIn(page, "chef@norr.se");
        assertThat(status())
                .isEqualTo("Du saknar behörighet att se användare (realm-management view-users) i den här realmen.");
        assertThat(driver.findElement(By.id("summary")).isDisplayed()).isFalse();
        assertThat(driver.driver().getPageSource()).doesNotContain("04050607");
        Accessibility.assertNoViolations(driver, "uptake report refused (sv)");
    }
}
