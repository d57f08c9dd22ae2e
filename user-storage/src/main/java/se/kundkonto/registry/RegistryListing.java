package se.kundkonto.registry;

/**
 * A customer as a realm admin's report lists it: number and company name, never the organisation number
 * (for a sole trader that is a personnummer).
 */
public record RegistryListing(String customerNumber, String companyName) {}
