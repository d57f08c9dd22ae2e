package se.kundkonto.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.NotFoundException;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.util.JsonSerialization;

import se.kundkonto.bench.Journeys.Person;
import se.kundkonto.bench.Journeys.Tokens;

/**
 * Issue 12's scale goals, measured on the pack alone: a person in 1 customer account against one in N
 * (P3), and a customer account with 10 members against one with M (P6). It runs in a realm of its own
 * (the realm export as shipped), created only when the section is switched on, so its thousands of
 * seeded rows never reach the pack-versus-stock figures. Small and large alternate which goes first.
 */
final class ScaleSection {

    /** On unless {@code -Dkundkonto.bench.scale=false}; the sizes are the large cases' N and M (scaled down by default). */
    record Settings(boolean on, int accounts, int members) {
        static Settings fromSystem() {
            return new Settings(
                    Boolean.parseBoolean(System.getProperty("kundkonto.bench.scale", "true")),
                    Integer.getInteger("kundkonto.bench.scale.accounts", 20),
                    Integer.getInteger("kundkonto.bench.scale.members", 20));
        }
    }

    static final String REALM = "bench-scale";
    private static final int SMALL_MEMBERS = 10;
    private static final String PASSWORD = "Bänk-2026-lösen";

    /** Each case's own registry customer, so no two cases share an account (number, last four digits). */
    private static final String[] ONE_ACCOUNT = {"01020304", "4400"};

    private static final String[] MANY_ACCOUNTS = {"05060708", "2227"};
    private static final String[] TEN_MEMBERS = {"02030405", "3456"};
    private static final String[] MANY_MEMBERS = {"04050607", "7652"};

    /** A person's side of P3; an account's side of P6 (its Admin's tokens kept fresh, untimed). */
    private record P3(Person person, Steps steps) {}

    private static final class P6 {
        final String name;
        final Person admin;
        final int members;
        final Steps steps = new Steps();
        Tokens tokens;

        P6(String name, Person admin, int members) {
            this.name = name;
            this.admin = admin;
            this.members = members;
        }
    }

    private final Keycloak admin;
    private final Side side;
    private final MailServer mail;
    private final Settings settings;
    private final Map<String, String> accountIds = new LinkedHashMap<>();

    ScaleSection(Keycloak admin, String serverUrl, MailServer mail, Settings settings) {
        this.admin = admin;
        this.side = new Side("scale", serverUrl + "/realms/" + REALM, true);
        this.mail = mail;
        this.settings = settings;
    }

    /** Seeds, measures, removes the realm; returns the report's Markdown section. */
    String run(int warmup, int iterations) {
        RealmResource realm = createRealm();
        try {
            P3 one = new P3(person("en", ONE_ACCOUNT), new Steps());
            P3 many = new P3(person("manga", MANY_ACCOUNTS), new Steps());
            P6 ten = new P6("tio", person("admin.tio", TEN_MEMBERS), SMALL_MEMBERS);
            P6 large = new P6("stor", person("admin.stor", MANY_MEMBERS), settings.members());
            for (Person p : List.of(one.person(), many.person())) {
                Journeys.register(side, new WebSession(), p, mail);
            }
            ten.tokens = Journeys.register(side, new WebSession(), ten.admin, mail);
            large.tokens = Journeys.register(side, new WebSession(), large.admin, mail);
            for (String[] customer : List.of(MANY_ACCOUNTS, TEN_MEMBERS, MANY_MEMBERS)) {
                account(realm, customer[0]);
            }
            long seeded = seed(realm, many, ten, large);

            for (int i = 0; i < warmup + iterations; i++) {
                boolean measured = i >= warmup;
                List.of(one.steps(), many.steps(), ten.steps, large.steps).forEach(s -> s.recording(measured));
                for (P3 c : i % 2 == 0 ? List.of(one, many) : List.of(many, one)) {
                    p3Round(c);
                }
                for (P6 c : i % 2 == 0 ? List.of(ten, large) : List.of(large, ten)) {
                    p6Round(realm, c, i);
                }
            }
            List<ScaleReport.Comparison> comparisons = List.of(
                    new ScaleReport.Comparison(
                            "P3: a person in 1 customer account vs in " + settings.accounts(),
                            "1 account",
                            settings.accounts() + " accounts",
                            one.steps(),
                            many.steps(),
                            List.of(
                                    ScaleJourneys.LOGIN_PAGE,
                                    ScaleJourneys.LOGIN_POST,
                                    ScaleJourneys.PICK,
                                    ScaleJourneys.EXCHANGE,
                                    ScaleJourneys.REFRESH,
                                    ScaleJourneys.USERINFO,
                                    ScaleJourneys.SWITCH),
                            List.of(ScaleJourneys.LOGIN_PAGE, ScaleJourneys.PICKER, ScaleJourneys.SWITCH)),
                    new ScaleReport.Comparison(
                            "P6: a customer account with " + SMALL_MEMBERS + " members vs " + settings.members(),
                            SMALL_MEMBERS + " members",
                            settings.members() + " members",
                            ten.steps,
                            large.steps,
                            List.of(ScaleJourneys.MEMBERS, ScaleJourneys.JOIN_POST, ScaleJourneys.JOIN),
                            List.of()));
            comparisons.forEach(c -> complete(c, iterations));
            return ScaleReport.markdown(setting(warmup, iterations, seeded), comparisons);
        } finally {
            realm.remove();
        }
    }

    private void p3Round(P3 c) {
        WebSession web = new WebSession();
        Tokens tokens = ScaleJourneys.login(side, web, c.person(), c.steps());
        ScaleJourneys.refreshAndUserinfo(side, web, tokens, c.steps());
        ScaleJourneys.switchPage(side, web, c.steps());
    }

    /** The members list, then a join; the newcomer is taken out again (untimed) so the account keeps its size. */
    private void p6Round(RealmResource realm, P6 c, int iteration) {
        c.tokens = Journeys.refresh(side, new WebSession(), c.tokens);
        ScaleJourneys.members(side, new WebSession(), c.tokens, c.admin.customerNumber(), c.members, c.steps);
        Person newcomer = new Person(
                "skala.ny" + iteration + "." + c.name + "@bench.se",
                PASSWORD,
                c.admin.customerNumber(),
                c.admin.orgDigits());
        ScaleJourneys.join(side, newcomer, mail, c.steps);
        String id = user(realm, newcomer.email()).getId();
        realm.organizations()
                .get(account(realm, c.admin.customerNumber()).getId())
                .members()
                .removeMember(id)
                .close();
        realm.users().delete(id).close();
    }

    /** The large cases' data, copied from what the pack made at the registrations above; returns the milliseconds it took. */
    private long seed(RealmResource realm, P3 many, P6 ten, P6 large) {
        long start = System.nanoTime();
        ScaleSeed seed = new ScaleSeed(realm);
        seed.accountsFor(
                user(realm, many.person().email()).getId(), account(realm, MANY_ACCOUNTS[0]), settings.accounts() - 1);
        seed.membersOf(account(realm, TEN_MEMBERS[0]), user(realm, ten.admin.email()), SMALL_MEMBERS - 1, "skala.tio");
        seed.membersOf(
                account(realm, MANY_MEMBERS[0]),
                user(realm, large.admin.email()),
                settings.members() - 1,
                "skala.stor");
        for (P6 c : List.of(ten, large)) {
            long members = realm.organizations()
                    .get(account(realm, c.admin.customerNumber()).getId())
                    .members()
                    .count();
            if (members != c.members) {
                throw new IllegalStateException(
                        c.admin.customerNumber() + " has " + members + " members after seeding, not " + c.members);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private RealmResource createRealm() {
        try (InputStream json = ScaleSection.class.getResourceAsStream("/kundportal-realm.json")) {
            RealmRepresentation rep = JsonSerialization.readValue(json, RealmRepresentation.class);
            rep.setRealm(REALM);
            try {
                admin.realm(REALM).remove(); // left over from a run that died, on a database that outlives the server
            } catch (NotFoundException none) {
                // the usual case
            }
            admin.realms().create(rep);
            return admin.realm(REALM);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the realm export", e);
        }
    }

    /** The organization the pack made for a registry customer at the registrations (looked up before seeding, while the list is short). */
    private OrganizationRepresentation account(RealmResource realm, String customerNumber) {
        String id = accountIds.computeIfAbsent(
                customerNumber,
                n -> realm.organizations().list(0, 100).stream()
                        .filter(o -> n.equals(o.getAlias()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no customer account " + n))
                        .getId());
        return realm.organizations().get(id).toRepresentation(); // a list leaves out the attributes
    }

    private static UserRepresentation user(RealmResource realm, String email) {
        return realm.users().searchByEmail(email, true).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no user " + email));
    }

    private static Person person(String who, String[] customer) {
        return new Person("skala." + who + "@bench.se", PASSWORD, customer[0], customer[1]);
    }

    /** A run that measured a step fewer times than asked is broken, not slow. */
    private static void complete(ScaleReport.Comparison c, int iterations) {
        for (String step : c.steps()) {
            for (Steps s : List.of(c.smallCase(), c.largeCase())) {
                Timings t = s.timings(step);
                boolean optional = step.equals(ScaleJourneys.PICK) && s == c.smallCase(); // one account: no picker
                if (!optional && (t == null || t.count() != iterations)) {
                    throw new IllegalStateException(
                            c.title() + ": " + step + " measured " + (t == null ? 0 : t.count()) + " times");
                }
            }
        }
    }

    private Map<String, String> setting(int warmup, int iterations, long seededMillis) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("Realm", REALM + " (the realm export as shipped, created for this section and removed after)");
        s.put(
                "Seeded",
                String.format(
                        Locale.ROOT,
                        "%d customer accounts for one person, %d + %d members, through the admin API "
                                + "in %.1f s, before anything was timed",
                        settings.accounts() - 1,
                        SMALL_MEMBERS - 1,
                        settings.members() - 1,
                        seededMillis / 1000.0));
        s.put(
                "Runs",
                iterations + " measured per step and case, after " + warmup
                        + " warm-up runs; small and large alternate; "
                        + "a join's newcomer is removed after it, so the account keeps its size");
        return s;
    }
}
