package se.kundkonto.accounts.uptake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import se.kundkonto.accounts.Membership;
import se.kundkonto.registry.CustomerRegistryProvider;
import se.kundkonto.registry.RegistryCensus;
import se.kundkonto.registry.RegistryListing;

/**
 * The realm admins' uptake report. The registry and Keycloak are two databases, so nothing here is a join:
 * the report walks one side in chunks of {@value #CHUNK} and asks the other about each chunk, a bounded
 * number of rows per query whatever the size of either. The figures are read at slightly different moments,
 * so a claim made while the report runs may show on one side only.
 */
public final class UptakeReport {

    /** Days are the company's days. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    /** Rows per query on either side; also a good page size for an export. */
    public static final int CHUNK = 1000;
    /**
     * Registry rows one page reads at most: when nearly every customer has moved, a page of the few left
     * would otherwise read the whole registry. The page then ends early, with a {@code next} to go on from.
     */
    public static final int MAX_SCANNED = 20_000;

    private final CustomerRegistryProvider registry;
    private final ClaimQueries claims;

    public UptakeReport(KeycloakSession session, RealmModel realm, CustomerRegistryProvider registry) {
        this.registry = registry;
        this.claims = new ClaimQueries(session, realm);
    }

    /** The counts, with first claims per day over the last {@code days} days (today included). */
    public UptakeSummary summary(int days) {
        RegistryCensus census = registry.census();
        RegistryCensus claimed = registryCustomersWithMembers();
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(Time.currentTimeMillis()), ZONE);
        LocalDate since = today.minusDays(days - 1L);
        return new UptakeSummary(
                census.customers(),
                census.active(),
                claims.customerAccounts(),
                claims.accountsWithMembers(),
                claimed.customers(),
                claimed.active(),
                Math.max(0, census.active() - claimed.active()),
                claims.members(),
                claims.admins(),
                since,
                perDay(claims.claimTimes(since.atStartOfDay(ZONE).toInstant().toEpochMilli())));
    }

    /**
     * Up to {@code max} active customers without members whose company name or number contains {@code search},
     * after customer number {@code after} (null: from the first).
     */
    public UnclaimedPage unclaimed(String search, String after, int max) {
        List<RegistryListing> page = new ArrayList<>(max);
        String cursor = after == null ? "" : after;
        String pattern = Membership.containsPattern(search);
        for (int scanned = 0; scanned < MAX_SCANNED; ) {
            List<RegistryListing> chunk = registry.activeAfter(cursor, pattern, CHUNK);
            Set<String> used = claims.withMembersAmong(
                    chunk.stream().map(RegistryListing::customerNumber).toList());
            for (RegistryListing customer : chunk) {
                cursor = customer.customerNumber();
                if (!used.contains(cursor)) {
                    page.add(customer);
                    if (page.size() == max) {
                        return new UnclaimedPage(page, cursor);
                    }
                }
            }
            if (chunk.size() < CHUNK) {
                return new UnclaimedPage(page, null);
            }
            scanned += chunk.size();
        }
        return new UnclaimedPage(page, cursor);
    }

    /** Registry customers (all, and active) among the numbers of accounts with members, a chunk at a time. */
    private RegistryCensus registryCustomersWithMembers() {
        Set<String> waitingOnly = claims.waitingOnlyNumbers();
        long customers = 0;
        long active = 0;
        String after = "";
        List<String> chunk;
        do {
            chunk = claims.numbersWithAnyMember(after, CHUNK);
            if (!chunk.isEmpty()) {
                List<String> counted =
                        chunk.stream().filter(n -> !waitingOnly.contains(n)).toList();
                RegistryCensus among = registry.censusAmong(counted);
                customers += among.customers();
                active += among.active();
                after = chunk.get(chunk.size() - 1);
            }
        } while (chunk.size() == CHUNK);
        return new RegistryCensus(customers, active);
    }

    private static List<UptakeSummary.DayCount> perDay(List<Long> times) {
        Map<LocalDate, Long> days = new TreeMap<>();
        times.forEach(t -> days.merge(LocalDate.ofInstant(Instant.ofEpochMilli(t), ZONE), 1L, Long::sum));
        return days.entrySet().stream()
                .map(e -> new UptakeSummary.DayCount(e.getKey(), e.getValue()))
                .toList();
    }
}
