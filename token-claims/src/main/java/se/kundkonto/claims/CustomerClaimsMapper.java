package se.kundkonto.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

import se.kundkonto.accounts.ActiveCustomer;
import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.customer.PackVersion;

/**
 * Adds {@code customers} (number, name, role of each customer account), {@code active_customer}
 * (this client's choice, re-checked against current memberships) and {@code municipalities}.
 * Past the configured number of customer accounts the list moves to userinfo only, and userinfo is bounded
 * too (see {@link CustomersClaim}); the reads take a fixed number of queries however many accounts a user has.
 */
public final class CustomerClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "kundkonto-customer-claims";
    static final String MAX_IN_TOKEN = "maxCustomersInToken";
    static final String MAX_IN_USERINFO = "maxCustomersInUserinfo";
    public static final String ATTR_MUNICIPALITIES = "municipalities";

    private static final List<ProviderConfigProperty> CONFIG;

    static {
        CONFIG = ProviderConfigurationBuilder.create()
                .property()
                .name(MAX_IN_TOKEN)
                .label("Max customer accounts in tokens")
                .helpText(
                        "Up to this many customer accounts are listed in the access and ID token. A user with more gets "
                                + "'customers_count' and 'customers_in_userinfo: true' there instead, and the list from userinfo.")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(CustomersClaim.DEFAULT_MAX_IN_TOKEN))
                .add()
                .property()
                .name(MAX_IN_USERINFO)
                .label("Max customer accounts in userinfo")
                .helpText(
                        "Userinfo lists up to this many customer accounts. A user with more gets the first ones by customer "
                                + "number with 'customers_count' and 'customers_truncated: true'; the portal pages the rest from "
                                + "GET /realms/{realm}/kundkonto/customers?first=&max=. Keeps userinfo's size and time bounded.")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(CustomersClaim.DEFAULT_MAX_IN_USERINFO))
                .add()
                .build();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, CustomerClaimsMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Kundkonto: customer accounts, active customer, municipalities";
    }

    @Override
    public String getHelpText() {
        return "Claims 'customers' [{number, name, role}], 'active_customer' {number, name, role} and 'municipalities' [codes]. "
                + "The active customer is this client's choice (login picker or 'Byt kund'), re-checked against current memberships.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public AccessToken transformUserInfoToken(
            AccessToken token,
            ProtocolMapperModel model,
            KeycloakSession session,
            UserSessionModel userSession,
            ClientSessionContext ctx) {
        if (OIDCAttributeMapperHelper.includeInUserInfo(model)) {
            addClaims(token, model, session, userSession, ctx, true);
        }
        return token;
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel model,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext ctx) {
        addClaims(token, model, session, userSession, ctx, false);
    }

    private void addClaims(
            IDToken token,
            ProtocolMapperModel model,
            KeycloakSession session,
            UserSessionModel userSession,
            ClientSessionContext ctx,
            boolean userInfo) {
        UserModel user = userSession.getUser();
        CustomerAccounts accounts = new CustomerAccounts(session);
        Map<String, Object> claims = token.getOtherClaims();

        int maxInToken = CustomersClaim.limit(model.getConfig().get(MAX_IN_TOKEN), CustomersClaim.DEFAULT_MAX_IN_TOKEN);
        int maxInUserInfo =
                CustomersClaim.limit(model.getConfig().get(MAX_IN_USERINFO), CustomersClaim.DEFAULT_MAX_IN_USERINFO);
        claims.putAll(CustomersClaim.claims(
                accounts.membershipCount(user, null),
                max -> accounts.membershipsOf(user, null, 0, max),
                maxInToken,
                maxInUserInfo,
                userInfo));

        AuthenticatedClientSessionModel clientSession = ctx == null ? null : ctx.getClientSession();
        String chosen = clientSession == null ? null : clientSession.getNote(ActiveCustomer.CLIENT_NOTE);
        ActiveCustomer.resolve(accounts, user, chosen)
                .ifPresent(m -> claims.put("active_customer", CustomersClaim.claim(m)));

        List<String> municipalities =
                new ArrayList<>(user.getAttributeStream(ATTR_MUNICIPALITIES).toList());
        if (!municipalities.isEmpty()) {
            claims.put("municipalities", municipalities);
        }
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return PackVersion.with(Map.of(
                "claims",
                "customers, active_customer, municipalities",
                "defaultMaxCustomersInToken",
                String.valueOf(CustomersClaim.DEFAULT_MAX_IN_TOKEN),
                "defaultMaxCustomersInUserinfo",
                String.valueOf(CustomersClaim.DEFAULT_MAX_IN_USERINFO)));
    }
}
