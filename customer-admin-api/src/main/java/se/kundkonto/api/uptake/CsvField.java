package se.kundkonto.api.uptake;

import java.util.regex.Pattern;

/**
 * One field of an RFC 4180 CSV line. Company names come from the ERP, and a spreadsheet runs a cell that
 * starts with {@code = + - @} as a formula (OWASP's advice on CSV injection: such a cell gets a leading
 * apostrophe, so it is shown, not run). A cell can start inside a field too: Excel set to Swedish opens a
 * {@code .csv} with {@code ;} as the separator and the quotes taken literally, so after a {@code ;} (and after
 * a line break, which starts a row) a formula would run. Line breaks and tabs become spaces (a name has none
 * that matter), and a formula character after a {@code ;} gets the apostrophe as well.
 */
final class CsvField {

    private static final Pattern FORMULA_AFTER_SEMICOLON = Pattern.compile(";(\\s*)([=+\\-@])");

    private CsvField() {}

    static String of(String value) {
        // Leading blanks go too: some spreadsheets drop them and then see the formula.
        String text = value == null
                ? ""
                : value.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ').strip();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        text = FORMULA_AFTER_SEMICOLON.matcher(text).replaceAll(";$1'$2");
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
