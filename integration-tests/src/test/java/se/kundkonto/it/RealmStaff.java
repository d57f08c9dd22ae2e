package se.kundkonto.it;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** People of the realm itself (customer service, realm admins), made through the admin API with realm-management roles. */
final class RealmStaff {

    private RealmStaff() {}

    /** A user with a password and the given realm-management roles (none: an ordinary user); returns the id. */
    static String create(ManagedRealm realm, String email, String password, String... roles) {
        UserRepresentation user = MemberSeed.person(email, "Kund", "Tjänst", new UserRepresentation());
        user.setAttributes(Map.of("phoneNumber", List.of("070-000 00 00")));
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        String id;
        try (Response created = realm.admin().users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(created);
        }
        // The realm's default required actions (the second-factor offer) are for customers who register.
        UserRepresentation made = realm.admin().users().get(id).toRepresentation();
        made.setRequiredActions(List.of());
        realm.admin().users().get(id).update(made);
        if (roles.length > 0) {
            ClientRepresentation management =
                    realm.admin().clients().findByClientId("realm-management").get(0);
            List<RoleRepresentation> granted = Arrays.stream(roles)
                    .map(r -> realm.admin()
                            .clients()
                            .get(management.getId())
                            .roles()
                            .get(r)
                            .toRepresentation())
                    .toList();
            realm.admin()
                    .users()
                    .get(id)
                    .roles()
                    .clientLevel(management.getId())
                    .add(granted);
        }
        return id;
    }

    /** A token of the report page's own client (PKCE), as the page gets it. */
    static String reportToken(ManagedRealm realm, String email, String password) {
        return new ClientLogin(realm.getBaseUrl())
                .login(new PlainHttp(), "kundkonto-uptake-report", null, reportPage(realm), email, password)
                .raw();
    }

    /** The export's report client names the realm kundportal in its redirect URIs; a test realm has another name. */
    static String reportPage(ManagedRealm realm) {
        String page = realm.getBaseUrl() + "/kundkonto/admin/uptake/page";
        ClientRepresentation client = realm.admin()
                .clients()
                .findByClientId("kundkonto-uptake-report")
                .get(0);
        client.setRedirectUris(List.of(page, page + "?lang=en"));
        realm.admin().clients().get(client.getId()).update(client);
        return page;
    }
}
