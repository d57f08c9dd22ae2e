package se.kundkonto.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One of the two realms compared: the pack's realm export as shipped, or the same export with every
 * kundkonto part taken out (stock Keycloak). Both have the portal client {@code mina-sidor}.
 */
record Side(String name, String realmUrl, boolean pack) {

    static final String CLIENT_ID = "mina-sidor";
    static final String CLIENT_SECRET = "mina-sidor-demo-secret";
    static final String CALLBACK = "http://localhost:3000/callback";

    String authUrl(String extra) {
        return realmUrl + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID + "&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + extra;
    }

    String tokenUrl() {
        return realmUrl + "/protocol/openid-connect/token";
    }

    String userinfoUrl() {
        return realmUrl + "/protocol/openid-connect/userinfo";
    }

    @Override
    public String toString() {
        return name;
    }
}
