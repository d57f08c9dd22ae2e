package se.kundkonto.auth.broker;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;

/**
 * Identity-provider mapper that refuses a BankID login whose ID token does not carry one of the
 * accepted {@code acr} values (the eID broker's level of assurance), on every login, before Keycloak
 * looks up or links anyone. Add it to the BankID identity provider to require, say, BankID on a
 * phone or card rather than a weaker method the same broker also offers.
 */
public final class RequireAcrMapper extends AbstractIdentityProviderMapper {

    public static final String PROVIDER_ID = "kundkonto-require-acr";
    public static final String ACCEPTED_ACR = "acceptedAcr";
    public static final String MESSAGE = "kundkontoBankIdLevelRefused";

    private static final List<ProviderConfigProperty> PROPERTIES = List.of(new ProviderConfigProperty(
            ACCEPTED_ACR,
            "Accepted acr values",
            "The ID token's 'acr' must be one of these (the eID broker's names for its levels of assurance, e.g. "
                    + "urn:grn:authn:se:bankid:same-device). Empty: every login is refused, so nothing passes by mistake.",
            ProviderConfigProperty.MULTIVALUED_STRING_TYPE,
            null));

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String[] getCompatibleProviders() {
        return new String[] {"oidc", "keycloak-oidc"};
    }

    @Override
    public String getDisplayCategory() {
        return "Preprocessor";
    }

    @Override
    public String getDisplayType() {
        return "Kundkonto: require level of assurance (acr)";
    }

    @Override
    public String getHelpText() {
        return "Refuses the login unless the identity provider's ID token has one of the accepted 'acr' values.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true;
    }

    @Override
    public void preprocessFederatedIdentity(
            KeycloakSession session,
            RealmModel realm,
            IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        String acr = acrOf(context.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN));
        if (!accepted(mapperModel.getConfig()).contains(acr)) {
            throw new IdentityBrokerException("acr '" + acr + "' is not accepted by mapper " + mapperModel.getName())
                    .withMessageCode(MESSAGE);
        }
    }

    static List<String> accepted(Map<String, String> config) {
        String value = config == null ? null : config.get(ACCEPTED_ACR);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        // Keycloak keeps a multivalued string as "a##b##c".
        return Arrays.stream(value.split("##"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String acrOf(Object idToken) {
        if (idToken instanceof IDToken token) {
            return token.getAcr();
        }
        if (idToken instanceof JsonWebToken token && token.getOtherClaims().get("acr") instanceof String acr) {
            return acr;
        }
        return null;
    }
}
