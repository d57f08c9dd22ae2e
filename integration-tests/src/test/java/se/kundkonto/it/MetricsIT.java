package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The pack's counters on Keycloak's {@code /metrics} (management port): a verification counts once by
 * entry point and outcome, a lock once more as a lockout, a registration as a join by policy and role.
 * The server's counters are shared by every test class on it, so each check is a difference.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
class MetricsIT extends BrowserTestBase {

    private static final String METRICS = "http://localhost:9000/metrics";

    /** Its own realm: its own throttle scope and customer accounts. */
    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-metrics");
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    /** One series' value from the Prometheus text; 0 while it has never been counted. */
    static double metric(String name, String... labels) throws Exception {
        String body = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(METRICS)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        StringBuilder pattern =
                new StringBuilder("(?m)^").append(Pattern.quote(name)).append("\\{");
        for (int i = 0; i < labels.length; i += 2) {
            pattern.append("(?=[^}]*\\b")
                    .append(Pattern.quote(labels[i]))
                    .append("=\"")
                    .append(Pattern.quote(labels[i + 1]))
                    .append("\")");
        }
        pattern.append("[^}]*\\} ([0-9.eE+-]+)$");
        Matcher m = Pattern.compile(pattern.toString()).matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double verifications(String outcome) throws Exception {
        return metric("kundkonto_verifications_total", "entry_point", "registration", "outcome", outcome);
    }

    @Test
    void verificationsLockoutsAndJoinsAreCounted() throws Exception {
        double rejected = verifications("rejected");
        double locked = verifications("locked");
        double lockouts = metric("kundkonto_lockouts_total", "entry_point", "registration");
        browser.openLogin(oauth, "sv");
        browser.clickRegister();
        for (int attempt = 0; attempt < 5; attempt++) { // the shipped limit: 5 wrong answers per number
            browser.verifyCustomer("05060708", "0000");
        }
        browser.verifyCustomer("05060708", "2227");
        assertThat(browser.feedback())
                .as("the sixth answer, though right, meets the lock")
                .get()
                .asString()
                .contains("För många försök");
        assertThat(verifications("rejected") - rejected).isEqualTo(5);
        assertThat(verifications("locked") - locked).isEqualTo(1);
        assertThat(metric("kundkonto_lockouts_total", "entry_point", "registration") - lockouts)
                .isEqualTo(1);
        assertThat(realm.admin().getEvents(java.util.List.of("REGISTER_ERROR"), null, null, null, null, null, 0, 50))
                .extracting(e -> e.getError())
                .as("a lock is its own event error, a wrong answer stays Keycloak's")
                .contains("kundkonto_verification_locked", "invalid_user_credentials");

        double verified = verifications("verified");
        double admins = metric("kundkonto_joins_total", "policy", "everyone-admin", "role", "admin");
        registerNewUser("04050607", "7652", "matt.matare@foretaget.se", "Mätare-2026!x");
        assertThat(verifications("verified") - verified).isEqualTo(1);
        assertThat(metric("kundkonto_joins_total", "policy", "everyone-admin", "role", "admin") - admins)
                .isEqualTo(1);
    }
}
