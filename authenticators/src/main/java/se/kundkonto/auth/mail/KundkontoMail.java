package se.kundkonto.auth.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The pack's e-mails, through Keycloak's e-mail templates: the realm's e-mail theme (kundkonto),
 * the user's language, html/ and text/ bodies, subjects from the theme's messages.
 */
public final class KundkontoMail {

    private final EmailTemplateProvider templates;
    private final Map<String, Object> attributes = new HashMap<>();

    private KundkontoMail(EmailTemplateProvider templates) {
        this.templates = templates;
    }

    public static KundkontoMail to(KeycloakSession session, RealmModel realm, UserModel user) {
        return new KundkontoMail(session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user));
    }

    public KundkontoMail with(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    public void send(String subjectKey, String template) throws EmailException {
        templates.send(subjectKey, List.of(), template, attributes);
    }
}
