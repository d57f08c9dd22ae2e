package se.kundkonto.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ComponentExportRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.util.JsonSerialization;

/**
 * Guessing the last four digits, as an attacker scripts it over plain HTTP: the lock (even the right
 * digits are refused), the Admins' e-mail and the {@code verification_locked} event, the realm admin's
 * view and unlock, the daily budget across windows (test clock, no sleeping), the one setting on the
 * Kundregister federation that every entry point honours, the per-address limit, and racing guesses.
 * The realm opens the per-address limit wide (every request here comes from 127.0.0.1) except where a
 * test sets it.
 */
@KeycloakIntegrationTest(config = KundkontoServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerificationThrottleIT extends BrowserTestBase {

    private static final String WRONG = "Kundnumret eller siffrorna stämmer inte.";
    private static final String LOCKED = "För många försök";
    private static final String LOCK_MAIL = "Många felaktiga försök med ert kundnummer";
    private static final String PASSWORD = "Throttle2026!ok";
    private static final String ADMIN = "lock.admin@foretaget.se";
    private static final String WIDE_OPEN = "100000";

    public static class OwnScope implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("kundportal-throttle").update(r -> {
                for (ComponentExportRepresentation registry :
                        r.getComponents().get("org.keycloak.storage.UserStorageProvider")) {
                    registry.getConfig().put("maxFailuresPerClient", List.of(WIDE_OPEN));
                }
            });
        }
    }

    @InjectRealm(fromJson = "/kundportal-realm.json", config = OwnScope.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectAdminClient
    Keycloak admin;

    @Override
    ManagedRealm realm() {
        return realm;
    }

    @BeforeEach
    void everyNumberOpen() {
        setLimits(Map.of(
                "maxFailuresPerCustomer",
                "5",
                "maxFailuresPerClient",
                WIDE_OPEN,
                "windowMinutes",
                "15",
                "maxFailuresPerCustomerPerDay",
                "80"));
        for (String number :
                List.of("01020304", "02030405", "03040506", "04050607", "05060708", "01020305", "77777777")) {
            assertThat(lockApi("DELETE", number).statusCode()).isEqualTo(204);
        }
    }

    @Test
    @Order(1)
    void fiveWrongGuessesLockTheNumberTellItsAdminsOnceAndSayWhatToDo() {
        registerNewUser("05060708", "2227", ADMIN, PASSWORD);

        GuessSession attacker = GuessSession.atVerificationPage(oauth);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.guess("05060708", "000" + i).feedback()).hasValue(WRONG);
        }
        GuessSession employee = GuessSession.atVerificationPage(oauth);
        employee.guess("05060708", "2227");
        assertThat(employee.pageId()).as("even the right digits").isEqualTo(Browser.VERIFY_PAGE);
        assertThat(employee.feedback())
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith(WRONG)
                        .contains(LOCKED)
                        .contains("inbjudan")
                        .contains("kundservice"));

        String text = Mails.text(Mails.latest(mail, ADMIN, LOCK_MAIL));
        assertThat(text).contains("05060708").contains("Ingenting har ändrats").contains("inbjudan");

        List<EventRepresentation> events = realm.admin().getEvents(null, null, null, null, null, null, 0, 200);
        assertThat(events)
                .filteredOn(e -> e.getDetails() != null
                        && "verification_locked".equals(e.getDetails().get("kundkonto_event")))
                .singleElement()
                .satisfies(e -> assertThat(e.getDetails()).containsEntry("kundkonto_customer_number", "05060708"));

        // The same episode: more failures after the window passed tell nobody again.
        try (ServerClock clock = ServerClock.shiftedWithCachesBy(16 * 60)) {
            GuessSession later = GuessSession.atVerificationPage(oauth);
            for (int i = 0; i < 6; i++) {
                later.guess("05060708", "100" + i);
            }
            assertThat(later.feedback()).hasValueSatisfying(m -> assertThat(m).contains(LOCKED));
        }
        assertThat(Mails.count(mail, ADMIN, LOCK_MAIL)).isEqualTo(1);

        // An unknown number locks just the same, with the same words.
        GuessSession other = GuessSession.atVerificationPage(oauth);
        for (int i = 0; i < 6; i++) {
            other.guess("77777777", "000" + i);
        }
        assertThat(other.feedback()).isEqualTo(employee.feedback());
    }

    @Test
    @Order(2)
    void aRealmAdminSeesTheLockAndClearsIt() throws IOException {
        GuessSession attacker = GuessSession.atVerificationPage(oauth);
        for (int i = 0; i < 5; i++) {
            attacker.guess("02030405", "000" + i);
        }
        HttpResponse<String> state = lockApi("GET", "02030405");
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(JsonSerialization.readValue(state.body(), Map.class))
                .containsEntry("locked", true)
                .containsEntry("failuresInWindow", 5)
                .containsEntry("failuresInDay", 5)
                .containsEntry("maxFailuresPerCustomerPerDay", 80);

        assertThat(lockApi("DELETE", "02030405").statusCode()).isEqualTo(204);
        assertThat(JsonSerialization.readValue(lockApi("GET", "02030405").body(), Map.class))
                .containsEntry("locked", false)
                .containsEntry("failuresInWindow", 0)
                .containsEntry("failuresInDay", 0);
        List<AdminEventRepresentation> adminEvents = realm.admin().getAdminEvents();
        assertThat(adminEvents).anySatisfy(e -> {
            assertThat(e.getOperationType()).isEqualTo("DELETE");
            assertThat(e.getResourceType()).isEqualTo("KUNDKONTO_GUESS_LOCK");
            assertThat(e.getDetails())
                    .containsEntry("kundkonto_event", "verification_unlocked")
                    .containsEntry("kundkonto_customer_number", "02030405");
        });

        GuessSession employee = GuessSession.atVerificationPage(oauth);
        employee.guess("02030405", "3456");
        assertThat(employee.pageId()).as("the right digits work again").isEqualTo(Browser.REGISTER_PAGE);

        assertThat(lockApi("GET", "12ab").statusCode()).isEqualTo(400);
        assertThat(send("GET", "02030405", null).statusCode())
                .as("no admin token")
                .isEqualTo(401);
    }

    @Test
    @Order(3)
    void theDailyBudgetLocksAcrossWindowsAndTheNextBucketOpensIt() {
        // Start on a 6 h bucket boundary of the server's clock, so every failure falls in one bucket.
        long now = System.currentTimeMillis() / 1000;
        int start = (int) (6 * 3600 - now % (6 * 3600)) + 60;
        try (ServerClock clock = ServerClock.shiftedWithCachesBy(start)) {
            int judged = 0;
            GuessSession attacker = null;
            for (int window = 0; window < 4; window++) {
                clock.shiftTo(start + window * 16 * 60);
                attacker = GuessSession.atVerificationPage(oauth);
                for (int i = 0; i < 5 && judged < 16; i++, judged++) {
                    assertThat(attacker.guess("04050607", "0" + window + "0" + i)
                                    .feedback())
                            .as("failure %d", judged + 1)
                            .hasValue(WRONG);
                }
            }
            // 16 = 80 / 5 in this bucket: the window has room, the day does not.
            attacker.guess("04050607", "9999");
            assertThat(attacker.feedback())
                    .hasValueSatisfying(m -> assertThat(m).contains(LOCKED));
            clock.shiftTo(start + 5 * 16 * 60);
            GuessSession employee = GuessSession.atVerificationPage(oauth);
            employee.guess("04050607", "7652");
            assertThat(employee.pageId()).as("still the same bucket: refused").isEqualTo(Browser.VERIFY_PAGE);

            clock.shiftTo(start + 6 * 3600);
            GuessSession tomorrow = GuessSession.atVerificationPage(oauth);
            tomorrow.guess("04050607", "7652");
            assertThat(tomorrow.pageId()).as("the next bucket").isEqualTo(Browser.REGISTER_PAGE);
        }
    }

    @Test
    @Order(4)
    void everyEntryPointHonoursTheOneSettingOnTheFederation() {
        setLimits(Map.of("maxFailuresPerCustomer", "2"));

        GuessSession page = GuessSession.atVerificationPage(oauth);
        page.guess("01020304", "0000").guess("01020304", "0001").guess("01020304", "4400");
        assertThat(page.feedback())
                .as("verification page")
                .hasValueSatisfying(m -> assertThat(m).contains(LOCKED));

        GuessSession login = GuessSession.atLoginForm(oauth);
        login.login("03040506", "0000").login("03040506", "0001").login("03040506", "1231");
        assertThat(login.pageId()).isEqualTo(Browser.LOGIN_PAGE);
        assertThat(login.feedback())
                .as("login form")
                .hasValueSatisfying(m -> assertThat(m).contains(LOCKED));

        GuessSession add = GuessSession.atAddCustomer(oauth, ADMIN, PASSWORD);
        assertThat(add.pageId()).isEqualTo(Browser.VERIFY_PAGE);
        add.guess("02030405", "0000").guess("02030405", "0001").guess("02030405", "3456");
        assertThat(add.feedback())
                .as("Lägg till kundkonto")
                .hasValueSatisfying(m -> assertThat(m).contains(LOCKED));

        // The per-address limit from the same place: this address already has 6 failures.
        setLimits(Map.of("maxFailuresPerCustomer", "5", "maxFailuresPerClient", "6"));
        GuessSession spray = GuessSession.atVerificationPage(oauth);
        spray.guess("05060708", "2227");
        assertThat(spray.feedback())
                .as("a client out of guesses, for any number")
                .hasValueSatisfying(m -> assertThat(m).contains(LOCKED));
    }

    @Test
    @Order(5)
    void racingWrongGuessesNeverGetMoreJudgementsThanTheLimit() throws Exception {
        int visitors = 12;
        List<GuessSession> sessions = new ArrayList<>();
        for (int i = 0; i < visitors; i++) {
            sessions.add(GuessSession.atVerificationPage(oauth));
        }
        CyclicBarrier barrier = new CyclicBarrier(visitors);
        ExecutorService pool = Executors.newFixedThreadPool(visitors);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < visitors; i++) {
                GuessSession s = sessions.get(i);
                String digits = String.format("%04d", 1000 + i);
                answers.add(pool.submit(() -> {
                    barrier.await();
                    return s.guess("01020304", digits).feedback().orElse("");
                }));
            }
            int judged = 0;
            for (Future<String> answer : answers) {
                judged += answer.get().equals(WRONG) ? 1 : 0;
            }
            assertThat(judged).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(lockApi("GET", "01020304").body()).contains("\"failuresInWindow\":5");
    }

    private void setLimits(Map<String, String> limits) {
        ComponentRepresentation registry = realm
                .admin()
                .components()
                .query(realm.admin().toRepresentation().getId(), "org.keycloak.storage.UserStorageProvider")
                .stream()
                .filter(c -> "customer-registry".equals(c.getProviderId()))
                .findFirst()
                .orElseThrow();
        limits.forEach((k, v) -> registry.getConfig().putSingle(k, v));
        realm.admin().components().component(registry.getId()).update(registry);
    }

    private HttpResponse<String> lockApi(String method, String number) {
        return send(method, number, admin.tokenManager().getAccessTokenString());
    }

    private HttpResponse<String> send(String method, String number, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/kundkonto-guess-locks/" + number))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
