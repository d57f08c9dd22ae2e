package se.kundkonto.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ActiveCustomerTest {

    private static final Membership A = new Membership("01020304", "Företaget AB", CustomerRole.ADMIN);
    private static final Membership B = new Membership("04050607", "Återvinning Syd AB", CustomerRole.USER);

    @Test
    void thisClientsChoiceWinsWhileTheUserIsStillAMember() {
        assertThat(resolve(List.of(A, B), "04050607", "01020304")).contains(B);
    }

    @Test
    void aChoiceTheUserNoLongerBelongsToFallsBackToTheLastUsed() {
        assertThat(resolve(List.of(A, B), "99999999", "01020304")).contains(A);
    }

    @Test
    void withOneAccountThatIsTheActiveOne() {
        assertThat(resolve(List.of(A), null, "04050607")).contains(A);
    }

    @Test
    void withSeveralAndNoUsableChoiceNoneIsActive() {
        assertThat(resolve(List.of(A, B), null, null)).isEmpty();
        assertThat(resolve(List.of(), "01020304", "01020304")).isEmpty();
    }

    @Test
    void theOneChosenComesFirstOnceAndTheOldestFallsOff() {
        assertThat(ActiveCustomer.withChosen(List.of(), "1")).containsExactly("1");
        assertThat(ActiveCustomer.withChosen(List.of("1", "2", "3"), "3")).containsExactly("3", "1", "2");
        assertThat(ActiveCustomer.withChosen(List.of("1", "2", "3", "4", "5"), "6"))
                .containsExactly("6", "1", "2", "3", "4");
    }

    /** The resolution against a user holding exactly these memberships. */
    private static java.util.Optional<Membership> resolve(
            List<Membership> memberships, String chosen, String lastUsed) {
        return ActiveCustomer.resolve(
                number -> memberships.stream()
                        .filter(m -> m.customerNumber().equals(number))
                        .findFirst(),
                () -> memberships.stream().limit(2).toList(),
                chosen,
                lastUsed);
    }
}
