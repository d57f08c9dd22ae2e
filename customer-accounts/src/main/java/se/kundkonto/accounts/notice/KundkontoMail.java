package se.kundkonto.accounts.notice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        return new KundkontoMail(
                session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user));
    }

    /** How a mail names a person: first and last name as far as known, else the e-mail address. */
    public static String nameOf(UserModel user) {
        String name = Stream.of(user.getFirstName(), user.getLastName())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return name.isEmpty() ? String.valueOf(user.getEmail()) : name;
    }

    public KundkontoMail with(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    public void send(String subjectKey, String template) throws EmailException {
        templates.send(subjectKey, List.of(), template, attributes);
    }
}
