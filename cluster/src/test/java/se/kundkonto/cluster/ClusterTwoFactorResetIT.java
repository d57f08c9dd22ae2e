package se.kundkonto.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import se.kundkonto.cluster.Person.Page;

/**
 * "Återställ tvåfaktorsautentisering": the link e-mailed by node A is spent on node B (by the password
 * POST that follows it; the GETs before change nothing), and is then refused on A: the single-use store
 * is cluster-wide.
 */
@Order(4)
class ClusterTwoFactorResetIT {

    private static final String EMAIL = "otp.reset@kluster.se";
    private static final String PASSWORD = "Kluster2026!otp";

    private final Portal portal = Cluster.portal();
    private final KeycloakNode a = Cluster.a();
    private final KeycloakNode b = Cluster.b();

    @Test
    void theLinkMailedFromAIsSpentOnBAndRefusedAgainOnA() {
        registerWithTotp();
        List<String> before = KeycloakTables.otpCredentials(EMAIL);
        assertThat(before).hasSize(1);

        Person asking = new Person(a);
        Page otp = portal.login(asking, EMAIL, PASSWORD);
        Portal.expect(otp, Portal.OTP_PAGE);
        Page sent = asking.submitAndFollow(otp.form("#kundkonto-reset-otp-form").with("kundkontoResetOtp", ""));
        assertThat(sent.body()).contains("Vi har skickat");
        String link = Cluster.mail().actionLink(EMAIL, "kundkonto-reset-otp");

        // A mail scanner on either node, and the person's own GET on B: a login page each time, nothing changed.
        for (KeycloakNode node : new KeycloakNode[] {a, b, a}) {
            assertThat(new Person(node).getAndFollow(link).pageId())
                    .as("scanner on %s", node)
                    .isEqualTo(Portal.LOGIN_PAGE);
        }
        Person owner = new Person(b);
        Page confirm = owner.getAndFollow(link);
        assertThat(confirm.pageId()).isEqualTo(Portal.LOGIN_PAGE);
        assertThat(KeycloakTables.otpCredentials(EMAIL)).as("after the GETs").isEqualTo(before);

        Page qr = owner.submitAndFollow(
                confirm.form("#kc-form-login").with("username", EMAIL).with("password", PASSWORD));
        assertThat(qr.pageId()).as("spent on B by the password POST").isEqualTo(Portal.TOTP_PAGE);
        Page done = Portal.pastRecoveryCodes(owner, owner.submitAndFollow(totp(qr)));
        // Another browser than the one that asked: the reset ends on a page of its own (its session never saw the
        // portal).
        assertThat(done.status()).isLessThan(500);
        assertThat(done.pageId()).as("%s '%s'", done, done.feedback()).isEqualTo("login-info");
        Cluster.note(
                "2FA reset: link mailed by A, password POST on B gave a new QR code; after it: %s '%s'",
                done, done.doc().select("#kc-page-title, .instruction, p").text());
        List<String> after = KeycloakTables.otpCredentials(EMAIL);
        assertThat(after).as("replaced on B").hasSize(1).doesNotContainAnyElementsOf(before);

        Person again = new Person(a);
        Page refused = again.getAndFollow(link);
        assertThat(refused.status()).isLessThan(500);
        assertThat(refused.pageId()).as("the spent link on A").isNotIn(Portal.LOGIN_PAGE, Portal.TOTP_PAGE);
        assertThat(KeycloakTables.otpCredentials(EMAIL)).isEqualTo(after);
    }

    private void registerWithTotp() {
        Person person = new Person(a);
        Page sent = portal.sendRegistration(
                person, portal.registrationForm(person, Cluster.number(12), Cluster.DIGITS), EMAIL);
        Portal.expect(sent, "login-login-verify-email");
        Page offer = portal.confirmAndChoosePassword(person, EMAIL, PASSWORD);
        Portal.expect(offer, Portal.TOTP_PAGE);
        portal.tokens(person, Portal.pastRecoveryCodes(person, person.submitAndFollow(totp(offer))));
    }

    /** The QR page's form with the code an app would show for its secret. */
    private static Person.Form totp(Page qrPage) {
        Person.Form form = qrPage.form("#kc-totp-settings-form");
        String secret = qrPage.doc().selectFirst("#totpSecret").attr("value");
        return form.with("totp", Totp.code(secret)).without("kundkontoSkip");
    }
}
