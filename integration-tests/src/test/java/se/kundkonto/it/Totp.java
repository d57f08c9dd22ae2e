package se.kundkonto.it;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What an authenticator app computes (RFC 6238: HMAC-SHA1, 30 s, 6 digits — the realm's OTP policy). */
final class Totp {

    private Totp() {}

    static String code(String secret) {
        return code(secret, System.currentTimeMillis() / 1000 / 30);
    }

    static String code(String secret, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An authenticator app holding one secret. Keycloak accepts the code of the current 30 s step and
     * one step either side, each only once; this hands out one that is valid now and not yet used. It
     * never hands out the previous step's code: that one may expire between typing and submitting.
     */
    static final class App {
        private final String secret;
        private final java.util.Set<String> used = new java.util.HashSet<>();

        App(String secret) {
            this.secret = secret;
            used.add(code(secret));
        }

        String secret() {
            return secret;
        }

        String nextCode() {
            while (true) {
                long now = System.currentTimeMillis() / 1000 / 30;
                for (long step : new long[] {now, now + 1}) {
                    String candidate = code(secret, step);
                    if (used.add(candidate)) {
                        return candidate;
                    }
                }
                sleepUntilStep(now + 1);
            }
        }

        private static void sleepUntilStep(long step) {
            try {
                Thread.sleep(Math.max(1, step * 30_000 - System.currentTimeMillis() + 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
