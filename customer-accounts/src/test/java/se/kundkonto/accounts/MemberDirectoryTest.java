package se.kundkonto.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberDirectoryTest {

    @Test
    void noSearchMatchesEveryone() {
        assertThat(MemberDirectory.pattern(null)).isNull();
        assertThat(MemberDirectory.pattern("  \t")).isNull();
    }

    @Test
    void aSearchIsASubstringInLowerCase() {
        assertThat(MemberDirectory.pattern(" Anna.SVENSSON@Företaget.se ")).isEqualTo("%anna.svensson@företaget.se%");
    }

    @Test
    void likeWildcardsAndTheEscapeAreTakenLiterally() {
        assertThat(MemberDirectory.pattern("100%_a!b")).isEqualTo("%100!%!_a!!b%");
        assertThat(MemberDirectory.pattern("' or 1=1 --")).isEqualTo("%' or 1=1 --%");
    }
}
