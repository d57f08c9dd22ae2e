package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;

/** Issue: registration with customer number + last four digits, end to end in the browser. */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class RegistrationIT extends BrowserTestBase {

    @InjectRealm(fromJson = "/kundportal-realm.json")
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    @Test
    void aPersonRegistersWithTheCustomerNumberAndBecomesAdminOfTheCustomerAccount() {
        browser.openLogin(oauth, "sv");
        assertThat(browser.pageId()).isEqualTo(Browser.LOGIN_PAGE);
        assertThat(browser.pageText()).contains("Registrera konto med E-post");
        browser.screenshot("login-sv");

        browser.clickRegister();
        assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_PAGE);
        assertThat(browser.pageText()).contains("Kundnummer", "De fyra sista siffrorna i organisationsnumret");
        browser.screenshot("verify-customer-sv");

        browser.verifyCustomer("01020304", "4400");
        assertThat(browser.pageId()).isEqualTo(Browser.REGISTER_PAGE);
        assertThat(browser.pageText())
                .contains("Företaget AB", "01020304", "Förnamn", "Efternamn", "Telefonnummer", "E-post");
        browser.screenshot("register-sv");

        browser.register("Anna", "Svensson", "070-123 45 67", "anna.svensson@foretaget.se", "Sommar2026!x");

        // The address is confirmed before anything else (the realm's verifyEmail), then the TOTP offer.
        assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_EMAIL_PAGE);
        assertThat(browser.title()).isEqualTo("Bekräfta din e-postadress");
        browser.screenshot("verify-email-sv");
        browser.open(Mails.verificationLink(mailbox, "anna.svensson@foretaget.se"));
        // Keycloak asks for the password only now that the address is proven (so a squatter never gets one).
        assertThat(browser.pageId()).isEqualTo(Browser.UPDATE_PASSWORD_PAGE);
        browser.screenshot("choose-password-sv");
        browser.choosePasswordIfAsked();
        assertThat(browser.pageId()).isEqualTo(Browser.TOTP_PAGE);

        browser.skipTotp();

        AuthorizationEndpointResponse callback = oauth.parseLoginResponse();
        assertThat(callback.getCode())
                .as("logged in to the portal after registration")
                .isNotBlank();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(callback.getCode());
        AccessToken token = oauth.verifyToken(tokens.getAccessToken());
        assertThat(token.getPreferredUsername()).isEqualTo("anna.svensson@foretaget.se");

        CustomerAccountsAdmin admin = new CustomerAccountsAdmin(realm.admin());
        UserRepresentation user =
                admin.userByEmail("anna.svensson@foretaget.se").orElseThrow();
        assertThat(user.getUsername()).isEqualTo("anna.svensson@foretaget.se");
        assertThat(user.getFirstName()).isEqualTo("Anna");
        assertThat(user.isEmailVerified())
                .as("confirmed through the e-mailed link")
                .isTrue();
        assertThat(user.getAttributes()).containsKey("phoneNumber");

        OrganizationRepresentation org = admin.byCustomerNumber("01020304").orElseThrow();
        assertThat(org.getName()).isEqualTo("Företaget AB");
        assertThat(org.getAttributes()).containsEntry("orgNumber", java.util.List.of("112233-4400"));
        assertThat(admin.memberIds(org)).contains(user.getId());
        assertThat(admin.roleMemberIds(org, "Admin")).contains(user.getId());
        assertThat(admin.roleMemberIds(org, "User")).doesNotContain(user.getId());
    }

    @Test
    void aColleagueRegisteringLaterJoinsTheSameCustomerAccountAlsoAsAdmin() {
        browser.openLogin(oauth, "sv");
        browser.clickRegister();
        browser.verifyCustomer("0506 0708", "2227"); // typed with a space, as on the invoice
        assertThat(browser.pageId()).isEqualTo(Browser.REGISTER_PAGE);
        browser.register("Per", "Ek", "+46 70 111 22 33", "per.ek@bygg.se", "Vinter2026!x");
        browser.confirmEmail(mailbox, "per.ek@bygg.se");
        assertThat(browser.pageId()).isEqualTo(Browser.TOTP_PAGE);
        browser.skipTotp();
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();

        browser.forgetSession(realm.getBaseUrl());
        browser.openLogin(oauth, "sv");
        browser.clickRegister();
        browser.verifyCustomer("05060708", "2227");
        browser.register("Lisa", "Ek", "0701112234", "lisa.ek@bygg.se", "Vinter2026!y");
        browser.confirmEmail(mailbox, "lisa.ek@bygg.se");
        assertThat(browser.pageId()).isEqualTo(Browser.TOTP_PAGE);
        browser.skipTotp();
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();

        CustomerAccountsAdmin admin = new CustomerAccountsAdmin(realm.admin());
        assertThat(realm.admin().organizations().getAll())
                .filteredOn(o -> "05060708".equals(o.getAlias()))
                .hasSize(1);
        OrganizationRepresentation org = admin.byCustomerNumber("05060708").orElseThrow();
        String per = admin.userByEmail("per.ek@bygg.se").orElseThrow().getId();
        String lisa = admin.userByEmail("lisa.ek@bygg.se").orElseThrow().getId();
        assertThat(admin.roleMemberIds(org, "Admin")).contains(per, lisa);
    }

    @Test
    void badRegistrationInputIsExplainedAndNothingTypedIsLost() {
        browser.openLogin(oauth, "sv");
        browser.clickRegister();
        browser.verifyCustomer("02030405", "3456");
        browser.register("Olle", "Berg", "inte ett nummer", "olle.berg@norr.se", "Host2026!abc");
        assertThat(browser.pageId()).isEqualTo(Browser.REGISTER_PAGE);
        assertThat(browser.fieldError("phoneNumber"))
                .hasValueSatisfying(e -> assertThat(e).contains("giltigt telefonnummer"));
        assertThat(driver.findElement(org.openqa.selenium.By.id("firstName")).getAttribute("value"))
                .isEqualTo("Olle");
        assertThat(driver.findElement(org.openqa.selenium.By.id("email")).getAttribute("value"))
                .isEqualTo("olle.berg@norr.se");
        assertThat(browser.pageText())
                .as("the verified customer is still shown")
                .contains("Sopbolaget i Norr AB");
        browser.screenshot("register-invalid-phone-sv");
    }

    @Test
    void theWholeRegistrationSpeaksEnglishWhenTheUserChoosesIt() {
        browser.openLogin(oauth, "en");
        assertThat(browser.pageText()).contains("Register with e-mail");
        browser.screenshot("login-en");
        browser.clickRegister();
        assertThat(browser.title()).isEqualTo("Enter your old company login");
        assertThat(browser.pageText()).contains("Customer number", "Last four digits of the organisation number");
        browser.screenshot("verify-customer-en");
        browser.verifyCustomer("04050607", "7652");
        assertThat(browser.pageText())
                .contains(
                        "Customer account: Återvinning Syd AB (customer number 04050607)",
                        "First name",
                        "Last name",
                        "Phone number",
                        "Email");
        assertThat(driver.findElement(org.openqa.selenium.By.id("kundkonto-register-submit"))
                        .getAttribute("value"))
                .isEqualTo("Create user account");
        browser.screenshot("register-en");
        browser.register("Eva", "Holm", "12", "eva.holm@syd.se", "Syd2026!abcd");
        assertThat(browser.fieldError("phoneNumber"))
                .contains("Enter a valid phone number, for example 070-123 45 67 or +46 70 123 45 67.");
        browser.screenshot("register-invalid-phone-en");
    }

    /** Issue 10, item 6: the first claim of a customer account is told to the registry's contact e-mail. */
    @Test
    void theFirstClaimIsToldToTheRegistrysContactAddressAndLaterJoinsAreNot() {
        String subject = "Ert kundkonto på Mina sidor har tagits i bruk";
        registerNewUser("02030405", "3456", "forst@norr.se", "Forst2026!in");
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
        String notice = Mails.text(Mails.latest(mailbox, "faktura@sopbolaget.se", subject));
        assertThat(notice)
                .contains(
                        "Test Person (forst@norr.se",
                        "Sopbolaget i Norr AB",
                        "kundnummer 02030405",
                        "(svensk tid)",
                        "Kontakta kundtjänst");

        registerNewUser("02030405", "3456", "sedan@norr.se", "Sedan2026!in");
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
        Mails.latest(
                mailbox,
                "forst@norr.se",
                "Ny användare i ert kundkonto"); // the Admin is told; by then any claim notice would be out too
        assertThat(Mails.count(mailbox, "faktura@sopbolaget.se", subject))
                .as("only the first claim")
                .isEqualTo(1);
    }

    /** A customer the registry has no contact address for: nobody else to tell, and nothing fails. */
    @Test
    void aCustomerWithoutContactAddressIsClaimedAsBefore() {
        registerNewUser("03040506", "1231", "agare@tradgard.se", "Agare2026!in");
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
        assertThat(new CustomerAccountsAdmin(realm.admin()).byCustomerNumber("03040506"))
                .isPresent();
    }
}
