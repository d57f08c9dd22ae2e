package se.kundkonto.api.uptake;

import java.util.List;

import se.kundkonto.accounts.uptake.UnclaimedPage;

/** A page of active customers nobody uses yet; {@code next} goes in {@code after} for the following page (null: the last). */
record UnclaimedBody(List<Customer> customers, String next) {

    record Customer(String customerNumber, String companyName) {}

    static UnclaimedBody of(UnclaimedPage page) {
        return new UnclaimedBody(
                page.customers().stream()
                        .map(c -> new Customer(c.customerNumber(), c.companyName()))
                        .toList(),
                page.next());
    }
}
