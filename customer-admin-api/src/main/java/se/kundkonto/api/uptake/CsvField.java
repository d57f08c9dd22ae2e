package se.kundkonto.api.uptake;

/**
 * One field of an RFC 4180 CSV line. Company names come from the ERP, and a spreadsheet runs a cell that
 * starts with {@code = + - @} (or a tab or carriage return before one) as a formula, so such a field gets a
 * leading apostrophe (OWASP's advice on CSV injection): it is shown, not run.
 */
final class CsvField {

    private CsvField() {}

    static String of(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
