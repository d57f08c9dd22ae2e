package se.kundkonto.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstClaimTest {

    @Test
    void aShortNameStaysAsItIs() {
        assertThat(FirstClaim.fit("Återvinning i Norr AB", "")).isEqualTo("Återvinning i Norr AB");
        assertThat(FirstClaim.fit("Norr AB", " (02030405)")).isEqualTo("Norr AB (02030405)");
    }

    @Test
    void aLongNameIsCutToTheColumnWithTheCustomerNumberKept() {
        String longName = "Aktiebolaget ".repeat(40);
        String fitted = FirstClaim.fit(longName, " (02030405)");
        assertThat(fitted).hasSize(FirstClaim.NAME_LENGTH).endsWith(" (02030405)");
        assertThat(FirstClaim.fit(longName, "")).hasSizeLessThanOrEqualTo(FirstClaim.NAME_LENGTH);
    }

    @Test
    void aCutNeverSplitsACharacterInTwo() {
        String emoji = "\uD83D\uDE9B"; // a truck: two UTF-16 units
        String name = "x".repeat(FirstClaim.NAME_LENGTH - 1) + emoji;
        String fitted = FirstClaim.fit(name, "");
        assertThat(Character.isHighSurrogate(fitted.charAt(fitted.length() - 1)))
                .isFalse();
        assertThat(fitted).hasSize(FirstClaim.NAME_LENGTH - 1);
    }

    @Test
    void onlyALostRaceIsRetried() {
        java.sql.SQLException unique =
                new java.sql.SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(FirstClaim.lostARace(new RuntimeException(new RuntimeException(unique))))
                .isTrue();
        assertThat(FirstClaim.lostARace(new org.keycloak.models.ModelDuplicateException("alias taken")))
                .isTrue();
        assertThat(FirstClaim.lostARace(new RuntimeException(new java.sql.SQLException("deadlock detected", "40P01"))))
                .isTrue();
        java.sql.SQLException down = new java.sql.SQLException("Connection refused", "08001");
        assertThat(FirstClaim.lostARace(new RuntimeException(down)))
                .as("a database that is down")
                .isFalse();
        assertThat(FirstClaim.lostARace(new IllegalStateException("bug"))).isFalse();
    }
}
