package se.kundkonto.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MembershipQueriesTest {

    @Test
    void aBlankSearchMatchesEverything() {
        assertThat(MembershipQueries.pattern(null)).isNull();
        assertThat(MembershipQueries.pattern(" \t ")).isNull();
    }

    @Test
    void wildcardsAndTheEscapeCharacterAreTakenLiterally() {
        assertThat(MembershipQueries.pattern("100%")).isEqualTo("%100!%%");
        assertThat(MembershipQueries.pattern("a_b!c")).isEqualTo("%a!_b!!c%");
        assertThat(MembershipQueries.pattern("' or 1=1 --")).isEqualTo("%' or 1=1 --%");
    }

    @Test
    void theSearchIsTrimmedLowerCasedAndCutWithoutSplittingACharacter() {
        assertThat(MembershipQueries.pattern("  Återvinning AB ")).isEqualTo("%återvinning ab%");
        assertThat(MembershipQueries.pattern("x".repeat(10_000))).hasSize(MembershipQueries.MAX_SEARCH_LENGTH + 2);
        String emoji = "x".repeat(MembershipQueries.MAX_SEARCH_LENGTH - 1) + "\uD83D\uDE00";
        assertThat(MembershipQueries.pattern(emoji))
                .isEqualTo("%" + "x".repeat(MembershipQueries.MAX_SEARCH_LENGTH - 1) + "%");
    }

    @Test
    void controlCharactersAreDroppedSincePostgresqlRefusesThem() {
        assertThat(MembershipQueries.pattern("a\u0000b\n")).isEqualTo("%ab%");
        assertThat(MembershipQueries.pattern("\u0000")).isNull();
        assertThat(new Membership("70000500", "Återvinning Sjöbo AB", CustomerRole.USER).matches("SJÖBO\u0000"))
                .isTrue();
    }
}
