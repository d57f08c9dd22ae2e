package se.kundkonto.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrgNumberTest {

    @Test
    void acceptsTheUsualForms() {
        assertThat(OrgNumber.parse("112233-4400")).isPresent();
        assertThat(OrgNumber.parse("1122334400")).isPresent();
        assertThat(OrgNumber.parse("19800101-1231")).isPresent();
        assertThat(OrgNumber.parse("800101+1231")).isPresent();
    }

    @Test
    void rejectsABadCheckDigitAndJunk() {
        assertThat(OrgNumber.parse("112233-4401")).isEmpty();
        assertThat(OrgNumber.parse("11223344")).isEmpty();
        assertThat(OrgNumber.parse("abc")).isEmpty();
        assertThat(OrgNumber.parse(null)).isEmpty();
    }

    @Test
    void lastFourIsTheLegacyPassword() {
        OrgNumber org = OrgNumber.parse("112233-4400").orElseThrow();
        assertThat(org.lastFour().matches(new OrgDigits("4400"))).isTrue();
        assertThat(org.lastFour().matches(new OrgDigits("4401"))).isFalse();
    }

    @Test
    void aCompanyNumberIsShownAsIs() {
        OrgNumber org = OrgNumber.parse("5566778899").orElseThrow();
        assertThat(org.isPersonalIdentityNumber()).isFalse();
        assertThat(org.masked()).isEqualTo("556677-8899");
    }

    @Test
    void aSoleTradersPersonnummerIsMaskedInBothForms() {
        OrgNumber twelve = OrgNumber.parse("19800101-1231").orElseThrow();
        OrgNumber ten = OrgNumber.parse("800101-1231").orElseThrow();
        assertThat(twelve).isEqualTo(ten);
        assertThat(twelve.isPersonalIdentityNumber()).isTrue();
        assertThat(twelve.masked()).isEqualTo("800101-XXXX");
        assertThat(twelve.toString()).doesNotContain("1231");
    }

    @Test
    void digitsNeverPrintThemselves() {
        assertThat(new OrgDigits("4400").toString()).doesNotContain("4400");
    }
}
