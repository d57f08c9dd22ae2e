package se.kundkonto.api.uptake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvFieldTest {

    @Test
    void plainTextIsAsItIs() {
        assertThat(CsvField.of("Återvinning Syd AB")).isEqualTo("Återvinning Syd AB");
        assertThat(CsvField.of("01020304")).isEqualTo("01020304");
        assertThat(CsvField.of(null)).isEmpty();
        assertThat(CsvField.of("")).isEmpty();
    }

    @Test
    void separatorsAndQuotesAreQuotedAndLineBreaksAreSpaces() {
        assertThat(CsvField.of("Bygg, Mark & Anläggning AB")).isEqualTo("\"Bygg, Mark & Anläggning AB\"");
        assertThat(CsvField.of("\"Sopbolaget\" AB")).isEqualTo("\"\"\"Sopbolaget\"\" AB\"");
        assertThat(CsvField.of("Rad ett\nRad två")).isEqualTo("Rad ett Rad två");
        assertThat(CsvField.of("a\r\nb\tc")).isEqualTo("a  b c");
        assertThat(CsvField.of("  Sopbolaget AB ")).isEqualTo("Sopbolaget AB");
    }

    @Test
    void aFormulaCannotStartACellInsideTheFieldEither() {
        // Excel in Swedish splits on ';' and takes quotes literally; a line break would start a row.
        assertThat(CsvField.of("Foo AB;=HYPERLINK(\"http://evil\")"))
                .isEqualTo("\"Foo AB;'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(CsvField.of("Foo AB; +46")).isEqualTo("Foo AB; '+46");
        assertThat(CsvField.of("AB\n=cmd|' /C calc'!A0"))
                .isEqualTo("AB =cmd|' /C calc'!A0"); // one cell, which starts with "AB"
        assertThat(CsvField.of("Rör & Svets; Syd AB")).isEqualTo("Rör & Svets; Syd AB");
    }

    @Test
    void whatASpreadsheetWouldRunAsAFormulaIsShownInstead() {
        assertThat(CsvField.of("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvField.of("+46 AB")).isEqualTo("'+46 AB");
        assertThat(CsvField.of("-Minus AB")).isEqualTo("'-Minus AB");
        assertThat(CsvField.of("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvField.of("\t=1")).isEqualTo("'=1");
        assertThat(CsvField.of("  @SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvField.of("=HYPERLINK(\"http://evil\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(CsvField.of("AB =1")).isEqualTo("AB =1");
    }
}
