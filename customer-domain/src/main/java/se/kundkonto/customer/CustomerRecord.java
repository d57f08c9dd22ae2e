package se.kundkonto.customer;

/** One customer of the registry, as the verification step and the account linking need it. */
public record CustomerRecord(CustomerNumber customerNumber, String companyName, OrgNumber orgNumber, boolean active) {}
