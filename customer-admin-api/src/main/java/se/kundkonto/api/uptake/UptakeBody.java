package se.kundkonto.api.uptake;

import java.util.List;

import se.kundkonto.accounts.uptake.UptakeReport;
import se.kundkonto.accounts.uptake.UptakeSummary;

/** The answer of {@code GET …/kundkonto/admin/uptake}; the fields as {@link UptakeSummary} describes them, dates ISO-8601. */
record UptakeBody(
        long registryCustomers,
        long activeRegistryCustomers,
        long customerAccounts,
        long customerAccountsWithMembers,
        long registryCustomersWithMembers,
        long activeCustomersWithMembers,
        long activeCustomersWithoutMembers,
        long members,
        long admins,
        String timeZone,
        String firstClaimsSince,
        List<Day> firstClaimsPerDay) {

    record Day(String date, long count) {}

    static UptakeBody of(UptakeSummary s) {
        return new UptakeBody(
                s.registryCustomers(),
                s.activeRegistryCustomers(),
                s.customerAccounts(),
                s.customerAccountsWithMembers(),
                s.registryCustomersWithMembers(),
                s.activeCustomersWithMembers(),
                s.activeCustomersWithoutMembers(),
                s.members(),
                s.admins(),
                UptakeReport.ZONE.getId(),
                s.firstClaimsSince().toString(),
                s.firstClaims().stream()
                        .map(d -> new Day(d.date().toString(), d.count()))
                        .toList());
    }
}
