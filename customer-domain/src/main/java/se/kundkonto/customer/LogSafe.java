package se.kundkonto.customer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed, made fit for an event detail or a log line: no control or invisible
 * characters (a CR/LF would forge log lines), bounded length, and anything shaped like a
 * personnummer (a sole trader may type theirs) masked as the portal shows it: date part kept,
 * last four digits {@code XXXX}.
 */
public final class LogSafe {

    private static final int MAX_LENGTH = 64;
    /** YYMMDD or YYYYMMDD, optional - or +, four digits; not inside a longer run of digits. */
    private static final Pattern PERSONNUMMER =
            Pattern.compile("(?<!\\d)((?:19|20)?\\d{2}(\\d{2})(\\d{2}))([-+ ]?)\\d{4}(?!\\d)");

    private LogSafe() {}

    public static String typed(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder visible = new StringBuilder();
        input.codePoints().filter(LogSafe::isVisible).limit(MAX_LENGTH).forEach(visible::appendCodePoint);
        return mask(visible.toString().strip());
    }

    private static boolean isVisible(int cp) {
        int type = Character.getType(cp);
        return !(Character.isISOControl(cp)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE);
    }

    private static String mask(String s) {
        Matcher m = PERSONNUMMER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean looksLikeBirthDate = isMonth(m.group(2)) && isDay(m.group(3));
            String replacement = looksLikeBirthDate ? m.group(1) + m.group(4) + "XXXX" : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isMonth(String mm) {
        int month = Integer.parseInt(mm);
        return month >= 1 && month <= 12;
    }

    /** Day of month, or a samordningsnummer's day + 60. */
    private static boolean isDay(String dd) {
        int day = Integer.parseInt(dd);
        return (day >= 1 && day <= 31) || (day >= 61 && day <= 91);
    }
}
