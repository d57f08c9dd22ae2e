package se.kundkonto.accounts.uptake;

import java.time.LocalDate;
import java.util.List;

/**
 * How far the move from the shared company logins has come, for a realm's admins. "With members" means at
 * least one member who may use the account (not one only waiting for approval).
 *
 * @param registryCustomers            rows in the customer registry
 * @param activeRegistryCustomers      of those, active
 * @param customerAccounts             organizations in the realm (the pack's and any a realm admin made)
 * @param customerAccountsWithMembers  of those, with members
 * @param registryCustomersWithMembers registry customers whose account has members
 * @param activeCustomersWithMembers   of those, active in the registry
 * @param activeCustomersWithoutMembers active registry customers nobody uses yet: the ones still to move
 * @param members                      people who may use at least one customer account
 * @param admins                       people who are Admin of at least one
 * @param firstClaimsSince             the first day counted in {@code firstClaims}
 * @param firstClaims                  customer accounts the pack created from the registry, per day (days without any left out)
 */
public record UptakeSummary(
        long registryCustomers,
        long activeRegistryCustomers,
        long customerAccounts,
        long customerAccountsWithMembers,
        long registryCustomersWithMembers,
        long activeCustomersWithMembers,
        long activeCustomersWithoutMembers,
        long members,
        long admins,
        LocalDate firstClaimsSince,
        List<DayCount> firstClaims) {

    public record DayCount(LocalDate date, long count) {}
}
