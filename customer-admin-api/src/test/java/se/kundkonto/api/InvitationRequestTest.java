package se.kundkonto.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import se.kundkonto.accounts.CustomerRole;

/**
 * "Invite a person" without a server: the body's rules, and the redirect check by Keycloak's own
 * {@code RedirectUtils} against a client's redirect URIs. (The fall-back on the client's base URL needs
 * the request's URL, so InvitationIT covers it on a server.)
 */
class InvitationRequestTest {

    private static final ClientModel PORTAL = fake(
            ClientModel.class,
            Map.of(
                    "getClientId", "mina-sidor",
                    "getRootUrl", "https://minasidor.example.se",
                    "getRedirectUris", Set.of("https://minasidor.example.se/*")));
    private static final ClientModel NO_BASE_URL = fake(
            ClientModel.class,
            Map.of("getClientId", "kund-app", "getRedirectUris", Set.of("se.kundkonto.app:/callback")));
    private static final KeycloakSession SESSION = fake(
            KeycloakSession.class,
            Map.of(
                    "getContext",
                    fake(
                            KeycloakContext.class,
                            Map.of("getRealm", fake(RealmModel.class, Map.of("getName", "kundportal"))))));

    private static InvitationRequest parse(ClientModel client, String json) {
        return InvitationRequest.parse(SESSION, client, RequestJson.object(json, "email and role"));
    }

    private static void refused(ClientModel client, String json, String error) {
        assertThatThrownBy(() -> parse(client, json))
                .as(json)
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).error()).isEqualTo(error));
    }

    @Test
    void aValidInvitationIsNormalised() {
        assertThat(
                        parse(
                                PORTAL,
                                "{\"email\": \" Ny.Person@Foretaget.SE \", \"role\": \"User\", \"redirectUri\": \"https://minasidor.example.se/\"}"))
                .isEqualTo(new InvitationRequest(
                        "ny.person@foretaget.se", CustomerRole.USER, "https://minasidor.example.se/"));
        assertThat(
                        parse(
                                PORTAL,
                                "{\"email\": \"a@b.se\", \"role\": \"Admin\", \"redirectUri\": \"https://minasidor.example.se/inbjudan\"}"))
                .extracting(InvitationRequest::role, InvitationRequest::redirectUri)
                .containsExactly(CustomerRole.ADMIN, "https://minasidor.example.se/inbjudan");
    }

    @Test
    void missingFieldsAreRefused() {
        refused(PORTAL, "{\"role\": \"User\"}", "invalid_email");
        refused(PORTAL, "{\"email\": \"a@b.se\"}", "invalid_role");
        refused(PORTAL, "{\"email\": null, \"role\": \"User\"}", "invalid_email");
    }

    @Test
    void wrongTypesAreRefused() {
        refused(PORTAL, "{\"email\": 42, \"role\": \"User\"}", "invalid_email");
        refused(PORTAL, "{\"email\": [\"a@b.se\"], \"role\": \"User\"}", "invalid_email");
        refused(PORTAL, "{\"email\": \"a@b.se\", \"role\": [\"Admin\"]}", "invalid_role");
        refused(PORTAL, "{\"email\": \"a@b.se\", \"role\": true}", "invalid_role");
        refused(
                PORTAL,
                "{\"email\": \"a@b.se\", \"role\": \"User\", \"redirectUri\": {\"href\": \"https://minasidor.example.se/\"}}",
                "invalid_redirect_uri");
    }

    @Test
    void noRoleButAdminOrUser() {
        refused(PORTAL, "{\"email\": \"a@b.se\", \"role\": \"Pending\"}", "invalid_role");
        refused(PORTAL, "{\"email\": \"a@b.se\", \"role\": \"admin\"}", "invalid_role");
        refused(PORTAL, "{\"email\": \"a@b.se\", \"role\": \"ADMIN\"}", "invalid_role");
    }

    @Test
    void tooLongAndControlCharactersInTheAddressAreRefused() {
        refused(PORTAL, "{\"email\": \"" + "a".repeat(65) + "@b.se\", \"role\": \"User\"}", "invalid_email");
        refused(PORTAL, "{\"email\": \"a@" + "b".repeat(250) + ".se\", \"role\": \"User\"}", "invalid_email");
        refused(PORTAL, "{\"email\": \"a\\u0000b@c.se\", \"role\": \"User\"}", "invalid_email");
        refused(PORTAL, "{\"email\": \"a@b.se\\r\\nBcc: x@y.se\", \"role\": \"User\"}", "invalid_email");
        refused(PORTAL, "{\"email\": \"a b@c.se\", \"role\": \"User\"}", "invalid_email");
        refused(PORTAL, "{\"email\": \"not-an-address\", \"role\": \"User\"}", "invalid_email");
    }

    @Test
    void aRedirectUriNotRegisteredForTheClientIsRefused() {
        refused(
                PORTAL,
                "{\"email\": \"a@b.se\", \"role\": \"User\", \"redirectUri\": \"https://evil.example.com/\"}",
                "invalid_redirect_uri");
        refused(
                PORTAL,
                "{\"email\": \"a@b.se\", \"role\": \"User\", \"redirectUri\": \"https://minasidor.example.se.evil.example.com/\"}",
                "invalid_redirect_uri");
        refused(
                PORTAL,
                "{\"email\": \"a@b.se\", \"role\": \"User\", \"redirectUri\": \"javascript:alert(1)\"}",
                "invalid_redirect_uri");
        refused(PORTAL, "{\"email\": \"a@b.se\", \"role\": \"User\", \"redirectUri\": \"\"}", "invalid_redirect_uri");
    }

    @Test
    void aClientWithoutABaseUrlMustNameTheRedirect() {
        refused(NO_BASE_URL, "{\"email\": \"a@b.se\", \"role\": \"User\"}", "invalid_redirect_uri");
        refused(
                NO_BASE_URL,
                "{\"email\": \"a@b.se\", \"role\": \"User\", \"redirectUri\": null}",
                "invalid_redirect_uri");
        assertThat(parse(
                                NO_BASE_URL,
                                "{\"email\": \"a@b.se\", \"role\": \"User\", \"redirectUri\": \"se.kundkonto.app:/callback\"}")
                        .redirectUri())
                .isEqualTo("se.kundkonto.app:/callback");
        refused(
                null,
                "{\"email\": \"a@b.se\", \"role\": \"User\", \"redirectUri\": \"https://minasidor.example.se/\"}",
                "invalid_redirect_uri");
    }

    /** An interface answering the given methods with the given values, and null, false or 0 otherwise. */
    @SuppressWarnings("unchecked")
    static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (answers.containsKey(method.getName())) {
                return answers.get(method.getName());
            }
            Class<?> r = method.getReturnType();
            if (r == boolean.class) {
                return false;
            }
            if (r == int.class) {
                return 0;
            }
            if (r == long.class) {
                return 0L;
            }
            return null;
        });
    }
}
