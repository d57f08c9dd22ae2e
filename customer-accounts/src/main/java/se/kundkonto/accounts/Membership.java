package se.kundkonto.accounts;

/** A user's place in one customer account. */
public record Membership(String customerNumber, String companyName, CustomerRole role) {
}
