package se.kundkonto.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Which kundkonto is deployed, and the Keycloak it was built and tested against, as the build wrote them
 * into {@code kundkonto-version.properties}. Every provider shows both in its operational info (admin
 * console → Provider info), so an operator can tell the running version without opening the jar.
 */
public final class PackVersion {

    public static final String VERSION;
    public static final String KEYCLOAK;

    static {
        Properties p = new Properties();
        try (InputStream in = PackVersion.class.getResourceAsStream("kundkonto-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("kundkonto-version.properties is missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VERSION = p.getProperty("version");
        KEYCLOAK = p.getProperty("keycloak");
    }

    private PackVersion() {}

    /** A provider's own operational info with the versions first. */
    public static Map<String, String> with(Map<String, String> info) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("kundkontoVersion", VERSION);
        all.put("builtForKeycloak", KEYCLOAK);
        all.putAll(info);
        return all;
    }
}
