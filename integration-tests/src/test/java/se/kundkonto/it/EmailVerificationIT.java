package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * Issue 10, item 5: registration confirms the e-mail address (Keycloak's VERIFY_EMAIL) before the TOTP
 * offer, and the e-mailed link changes nothing when a mail scanner fetches it.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class EmailVerificationIT extends BrowserTestBase {

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-email-verification");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    private void registerUntilVerifyEmail(String email) {
        browser.openLogin(oauth, "sv");
        browser.clickRegister();
        browser.verifyCustomer("04050607", "7652");
        browser.register("Epost", "Kontroll", "070-321 00 00", email, "Epost2026!ok");
        assertThat(browser.pageId()).isEqualTo(Browser.VERIFY_EMAIL_PAGE);
    }

    private UserRepresentation user(String email) {
        return realm.admin().users().searchByEmail(email, true).get(0);
    }

    @Test
    void registrationAsksForTheEmailAddressBeforeTheTotpOffer() {
        registerUntilVerifyEmail("ny@syd.se");
        assertThat(browser.pageText()).contains("Vi har skickat ett e-postmeddelande till ny@syd.se");
        assertThat(user("ny@syd.se").isEmailVerified()).isFalse();
        assertThat(Mails.latest(mailbox, "ny@syd.se", "Bekräfta din e-postadress för Mina sidor"))
                .isNotNull();

        browser.confirmEmail(mailbox, "ny@syd.se");
        assertThat(browser.pageId()).as("the portal's steps stay in order").isEqualTo(Browser.TOTP_PAGE);
        assertThat(user("ny@syd.se").isEmailVerified()).isTrue();
        browser.skipTotp();
        assertThat(oauth.parseLoginResponse().getCode()).isNotBlank();
    }

    /** What Outlook Safe Links, Proofpoint and the like do: fetch the link, no cookies, follow redirects. */
    @Test
    void aMailScannerFetchingTheLinkVerifiesNothing() throws Exception {
        registerUntilVerifyEmail("skannad@syd.se");
        String link = Mails.verificationLink(mailbox, "skannad@syd.se");

        HttpClient scanner = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        for (int fetch = 0; fetch < 2; fetch++) {
            HttpResponse<String> page = get(scanner, link);
            assertThat(page.statusCode()).isLessThan(500);
        }
        assertThat(user("skannad@syd.se").isEmailVerified())
                .as("a GET without the person's session")
                .isFalse();

        // The person's own click, in the browser that registered, still works afterwards.
        browser.confirmEmail(mailbox, "skannad@syd.se");
        assertThat(browser.pageId()).isEqualTo(Browser.TOTP_PAGE);
        assertThat(user("skannad@syd.se").isEmailVerified()).isTrue();
    }

    /**
     * A scanner that keeps cookies (Secure ones too, as over HTTPS in production) stops at Keycloak's
     * "Bekräfta e-postadressen" page, which asks for a click. Known limit, seen in this project's runs and
     * written in the README: a client that also follows that page's link with those cookies does confirm
     * the address — Keycloak's own handler takes the second GET for the person's click.
     */
    @Test
    void aCookieKeepingScannerStopsAtKeycloaksConfirmationPage() throws Exception {
        registerUntilVerifyEmail("kraplare@syd.se");
        String link = Mails.verificationLink(mailbox, "kraplare@syd.se");

        PlainHttp crawler = new PlainHttp();
        for (int fetch = 0; fetch < 2; fetch++) {
            PlainHttp.Page page = crawler.follow(crawler.get(link), "http://127.0.0.1:8500");
            assertThat(page.status()).isLessThan(500);
            assertThat(page.link("login-actions/action-token"))
                    .as("the page asks for a click")
                    .isNotBlank();
        }
        assertThat(user("kraplare@syd.se").isEmailVerified())
                .as("GETs of the e-mailed link with cookies kept")
                .isFalse();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
