package se.kundkonto.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ActiveCustomerTest {

    private static final Membership A = new Membership("01020304", "Företaget AB", CustomerRole.ADMIN);
    private static final Membership B = new Membership("04050607", "Återvinning Syd AB", CustomerRole.USER);

    @Test
    void thisClientsChoiceWinsWhileTheUserIsStillAMember() {
        assertThat(ActiveCustomer.resolve(List.of(A, B), "04050607", "01020304")).contains(B);
    }

    @Test
    void aChoiceTheUserNoLongerBelongsToFallsBackToTheLastUsed() {
        assertThat(ActiveCustomer.resolve(List.of(A, B), "99999999", "01020304")).contains(A);
    }

    @Test
    void withOneAccountThatIsTheActiveOne() {
        assertThat(ActiveCustomer.resolve(List.of(A), null, "04050607")).contains(A);
    }

    @Test
    void withSeveralAndNoUsableChoiceNoneIsActive() {
        assertThat(ActiveCustomer.resolve(List.of(A, B), null, null)).isEmpty();
        assertThat(ActiveCustomer.resolve(List.of(), "01020304", "01020304")).isEmpty();
    }
}
