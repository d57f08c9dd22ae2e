package se.kundkonto.api;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.Membership;

/** One of the caller's customer accounts and their role in it ({@code GET /customers}). */
record CustomerSummary(
        String number,
        String name,
        @JsonSerialize(using = Roles.Json.class) CustomerRole role) {

    static CustomerSummary of(Membership membership) {
        return new CustomerSummary(membership.customerNumber(), membership.companyName(), membership.role());
    }
}
