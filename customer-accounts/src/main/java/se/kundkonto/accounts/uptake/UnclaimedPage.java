package se.kundkonto.accounts.uptake;

import java.util.List;

import se.kundkonto.registry.RegistryListing;

/**
 * Active registry customers without members, by customer number. {@code next} is where the following page
 * starts, or null when there is none; a page may hold fewer customers than asked for and still have a
 * {@code next} (see {@link UptakeReport#MAX_SCANNED}).
 */
public record UnclaimedPage(List<RegistryListing> customers, String next) {}
