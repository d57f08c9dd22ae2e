package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * BankID through an OIDC eID broker. The broker here is a second realm of the same Keycloak ("eid"),
 * issuing ID tokens with the person's name and personnummer ({@code ssn}) as Criipto, Signicat or
 * Freja would; realm "kundportal-bankid" uses it as the identity provider {@code bankid}.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class BankIdIT extends BrowserTestBase {

    private static final String A = "01020304";
    private static final String PASSWORD = "BankId2026!ok";
    private static final String EID_SECRET = "eid-broker-secret";
    private static final String REVIEW_PROFILE_PAGE = "login-idp-review-user-profile";

    public static class Eid implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("eid")
                    .users(
                            UserBuilder.create("anna")
                                    .name("Anna", "Andersson")
                                    .password("bankid")
                                    .enabled(true),
                            UserBuilder.create("bo")
                                    .name("Bo", "Berg")
                                    .password("bankid")
                                    .enabled(true),
                            UserBuilder.create("cecilia")
                                    .name("Cecilia", "Cronhjort")
                                    .password("bankid")
                                    .enabled(true),
                            UserBuilder.create("david")
                                    .name("David", "Dahl")
                                    .password("bankid")
                                    .enabled(true),
                            UserBuilder.create("erik")
                                    .name("Erik", "Ek")
                                    .password("bankid")
                                    .enabled(true))
                    .clients(ClientBuilder.create("kundportal")
                            .secret(EID_SECRET)
                            .redirectUris("*")
                            .protocolMappers(ssnClaim()));
        }
    }

    public static class Portal implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-bankid");
        }
    }

    public static class PortalWithoutBankId implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-no-bankid");
        }
    }

    @InjectRealm(ref = "eid", config = Eid.class)
    ManagedRealm eid;

    @InjectRealm(fromJson = "/kundportal-realm.json", config = Portal.class)
    ManagedRealm realm;

    @InjectRealm(ref = "plain", fromJson = "/kundportal-realm.json", config = PortalWithoutBankId.class)
    ManagedRealm plain;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    private static ProtocolMapperRepresentation ssnClaim() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("ssn");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-usermodel-attribute-mapper");
        mapper.setConfig(Map.of(
                "user.attribute",
                "ssn",
                "claim.name",
                "ssn",
                "jsonType.label",
                "String",
                "id.token.claim",
                "true",
                "access.token.claim",
                "true",
                "userinfo.token.claim",
                "true"));
        return mapper;
    }

    /** The eID side: personnummer on the people, and the shipped (disabled) "bankid" provider pointed at it. */
    /** Logged out at the portal and at the eID broker (its cookies live under its own realm path). */
    private void forgetBothSessions() {
        browser.forgetSession(eid.getBaseUrl());
        browser.forgetSession(realm.getBaseUrl());
    }

    @BeforeEach
    void connectTheBroker() {
        forgetBothSessions();
        UPConfig profile = eid.admin().users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);
        // BankID knows name and personnummer, not e-mail: the eID realm must not ask its people for one.
        profile.getAttribute("email").setRequired(null);
        eid.admin().users().userProfile().update(profile);
        Map.of(
                        "anna",
                        "198001011231",
                        "bo",
                        "197502022222",
                        "cecilia",
                        "199003033333",
                        "david",
                        "198504044444",
                        "erik",
                        "196006065555")
                .forEach((username, ssn) -> {
                    UserRepresentation person =
                            eid.admin().users().searchByUsername(username, true).get(0);
                    person.singleAttribute("ssn", ssn);
                    eid.admin().users().get(person.getId()).update(person);
                });

        IdentityProviderRepresentation bankId =
                realm.admin().identityProviders().get("bankid").toRepresentation();
        String issuer = eid.getBaseUrl();
        bankId.setEnabled(true);
        bankId.getConfig()
                .putAll(Map.of(
                        "clientId",
                        "kundportal",
                        "clientSecret",
                        EID_SECRET,
                        "issuer",
                        issuer,
                        "authorizationUrl",
                        issuer + "/protocol/openid-connect/auth",
                        "tokenUrl",
                        issuer + "/protocol/openid-connect/token",
                        "jwksUrl",
                        issuer + "/protocol/openid-connect/certs",
                        "defaultScope",
                        "openid profile"));
        realm.admin().identityProviders().get("bankid").update(bankId);
    }

    private void loginWithBankId(String person) {
        browser.openLogin(oauth, "sv");
        assertThat(driver.findElement(By.id("social-bankid")).getText()).isEqualTo("Logga in med BankID");
        driver.findElement(By.id("social-bankid")).click();
        browser.login(person, "bankid"); // the eID broker's page (realm "eid")
    }

    private void reviewProfile(String email, String phone) {
        assertThat(browser.pageId()).isEqualTo(REVIEW_PROFILE_PAGE);
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("phoneNumber")).sendKeys(phone);
        browser.submit("kc-idp-review-profile-form");
    }

    private UserRepresentation user(String email) {
        return realm.admin().users().searchByEmail(email, true).stream()
                .findFirst()
                .orElse(null);
    }

    private List<FederatedIdentityRepresentation> links(String email) {
        return realm.admin().users().get(user(email).getId()).getFederatedIdentity();
    }

    @Test
    void aNewPersonProvesTheCustomerAccountAndComesStraightInTheNextTime() {
        loginWithBankId("anna");
        assertThat(driver.findElement(By.id("firstName")).getDomProperty("value"))
                .as("the name from BankID")
                .isEqualTo("Anna");
        browser.screenshot("bankid-review-profile-sv");
        reviewProfile("anna@foretaget.se", "070-555 66 77");

        assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_PAGE);
        browser.verifyCustomer(A, "0000");
        assertThat(browser.feedback()).hasValue("Kundnumret eller siffrorna stämmer inte.");
        browser.screenshot("bankid-verify-customer-rejected-sv");
        browser.verifyCustomer(A, "4400");
        browser.confirmEmail(mailbox, "anna@foretaget.se"); // an address typed at review profile is not trusted
        browser.skipTotp();
        AccessToken token = tokenFromCallback();
        assertThat(token.getOtherClaims().get("customers"))
                .asList()
                .containsExactly(Map.of("number", A, "name", "Företaget AB", "role", "Admin"));

        // Linked by provider alias and the broker's subject; the personnummer is not kept.
        String eidSubject =
                eid.admin().users().searchByUsername("anna", true).get(0).getId();
        assertThat(links("anna@foretaget.se")).singleElement().satisfies(link -> {
            assertThat(link.getIdentityProvider()).isEqualTo("bankid");
            assertThat(link.getUserId()).isEqualTo(eidSubject);
        });
        assertThat(user("anna@foretaget.se").getAttributes()).doesNotContainKey("ssn");
        assertThat(user("anna@foretaget.se").getAttributes().toString()).doesNotContain("198001011231");
        assertThat(user("anna@foretaget.se").firstAttribute("phoneNumber")).isEqualTo("+46705556677");

        forgetBothSessions();
        loginWithBankId("anna");
        assertThat(tokenFromCallback().getOtherClaims().get("customers"))
                .asList()
                .hasSize(1);
    }

    @Test
    void anExistingUserLinksOnlyWithTheirPassword() {
        registerNewUser(A, "4400", "bo@foretaget.se", PASSWORD);
        tokenFromCallback();
        forgetBothSessions();

        loginWithBankId("bo");
        reviewProfile("bo@foretaget.se", "070-111 22 33");
        assertThat(browser.pageId()).isEqualTo("login-login-idp-link-confirm");
        browser.screenshot("bankid-link-confirm-sv");
        browser.press("linkAccount");
        // Keycloak's re-authentication: the existing account's password, nothing else links.
        browser.loginPasswordOnly("fel-losenord");
        assertThat(browser.feedback()).isPresent();
        assertThat(links("bo@foretaget.se")).isEmpty();
        browser.screenshot("bankid-link-password-sv");
        browser.loginPasswordOnly(PASSWORD);
        tokenFromCallback();
        assertThat(links("bo@foretaget.se"))
                .extracting(FederatedIdentityRepresentation::getIdentityProvider)
                .containsExactly("bankid");
    }

    @Test
    void anExistingUserWithTotpLinksOnlyWithPasswordAndCode() {
        registerUntilTotpOffer(A, "4400", "erik@foretaget.se", PASSWORD);
        Totp.App app = new Totp.App(browser.setUpTotp());
        tokenFromCallback();
        forgetBothSessions();

        loginWithBankId("erik");
        reviewProfile("erik@foretaget.se", "070-444 55 66");
        browser.press("linkAccount");
        browser.loginPasswordOnly(PASSWORD);
        // The password alone does not link: the account's second factor is asked for too.
        assertThat(browser.pageId()).isEqualTo(Browser.OTP_PAGE);
        assertThat(links("erik@foretaget.se")).isEmpty();
        browser.enterOtp("000000");
        assertThat(browser.pageId()).isEqualTo(Browser.OTP_PAGE);
        assertThat(links("erik@foretaget.se")).as("a wrong code links nothing").isEmpty();
        browser.screenshot("bankid-link-otp-sv");
        browser.enterOtp(app.nextCode());
        tokenFromCallback();
        assertThat(links("erik@foretaget.se"))
                .extracting(FederatedIdentityRepresentation::getIdentityProvider)
                .containsExactly("bankid");
    }

    @Test
    void wrongDigitsAreThrottledAsAtRegistration() {
        loginWithBankId("cecilia");
        reviewProfile("cecilia@norr.se", "070-999 88 77");
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.verifyCustomer("02030405", "000" + attempt);
            assertThat(browser.feedback()).hasValue("Kundnumret eller siffrorna stämmer inte.");
        }
        browser.verifyCustomer("02030405", "3456");
        assertThat(browser.feedback()).hasValueSatisfying(m -> assertThat(m).contains("För många försök"));
        assertThat(user("cecilia@norr.se"))
                .as("no user without a proven customer account")
                .isNull();
    }

    @Test
    void aRequiredLevelOfAssuranceIsEnforcedByTheAcrMapper() {
        IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
        mapper.setName("require BankID level");
        mapper.setIdentityProviderAlias("bankid");
        mapper.setIdentityProviderMapper("kundkonto-require-acr");
        mapper.setConfig(new java.util.HashMap<>(Map.of("acceptedAcr", "urn:test:bankid-high")));
        var mappers = realm.admin().identityProviders().get("bankid");
        mappers.addMapper(mapper).close();
        String id = mappers.getMappers().stream()
                .filter(m -> "require BankID level".equals(m.getName()))
                .findFirst()
                .orElseThrow()
                .getId();
        try {
            // The eID realm says acr "1" (a plain password login): not good enough.
            loginWithBankId("david");
            assertThat(browser.pageText()).contains("Inloggningen med BankID uppfyllde inte kraven");
            browser.screenshot("bankid-level-refused-sv");

            IdentityProviderMapperRepresentation accepting = mappers.getMapperById(id);
            accepting.getConfig().put("acceptedAcr", "urn:test:bankid-high##1");
            mappers.update(id, accepting);
            forgetBothSessions();
            loginWithBankId("david");
            assertThat(browser.pageId()).isEqualTo(REVIEW_PROFILE_PAGE);
        } finally {
            mappers.delete(id);
        }
    }

    @Test
    void withBankIdDisabledThereIsNoButtonAndTheBrokerRefuses() throws Exception {
        browser.forgetSession(plain.getBaseUrl());
        driver.open(plain.getBaseUrl() + "/account/");
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> Browser.LOGIN_PAGE.equals(browser.pageId()));
        assertThat(driver.driver().findElements(By.id("social-bankid"))).isEmpty();
        HttpResponse<String> broker = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(plain.getBaseUrl()
                                        + "/broker/bankid/login?client_id=account-console&tab_id=x&session_code=y"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(broker.statusCode()).as(broker.body()).isGreaterThanOrEqualTo(400);
        assertThat(broker.headers().firstValue("Location")).isEmpty();
    }
}
