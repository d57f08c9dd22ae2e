package se.kundkonto.accounts.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.RejectedExecutionException;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.email.EmailException;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

import se.kundkonto.customer.CustomerNumber;
import se.kundkonto.registry.CustomerRegistryProvider;
import se.kundkonto.registry.RegistryContact;

/**
 * The first person to claim a customer account (no member before them) has nobody to tell: no Admin
 * exists yet. When the registry knows the company's contact e-mail ({@code contact_email}), that
 * address is told who claimed the account, when, and how to object. Like the join notices: only once
 * the claim has committed, in the background, and a mail that cannot be sent is only logged.
 */
public final class ClaimNotice {

    private static final Logger LOG = Logger.getLogger(ClaimNotice.class);
    private static final String EXECUTOR = "kundkonto-mail";
    /** The portal's customers are Swedish companies: the time is given as it is in Sweden. */
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SWEDEN);

    private ClaimNotice() {}

    public static void sendAfterCommit(
            KeycloakSession session, RealmModel realm, OrganizationModel org, UserModel claimant) {
        Claim claim = new Claim(realm.getId(), org.getId(), claimant.getId(), Instant.now());
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        var executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    executor.execute(() -> claim.tellTheCompany(factory));
                } catch (RejectedExecutionException shuttingDown) {
                    LOG.warnf(
                            "Server stopping: the contact of organization %s is not told that it was claimed",
                            claim.orgId());
                }
            }

            @Override
            protected void rollbackImpl() {
                // nothing was claimed
            }
        });
    }

    private record Claim(String realmId, String orgId, String claimantId, Instant at) {

        void tellTheCompany(KeycloakSessionFactory factory) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealm(realmId);
                    session.getContext().setRealm(realm);
                    OrganizationModel org =
                            session.getProvider(OrganizationProvider.class).getById(orgId);
                    UserModel claimant = session.users().getUserById(realm, claimantId);
                    ComponentModel registry = CustomerRegistryProvider.component(realm)
                            .orElse(null); // read the registry only while it is on
                    if (org == null || claimant == null || registry == null) {
                        return;
                    }
                    CustomerNumber.parse(org.getAlias())
                            .flatMap(number -> RegistryContact.emailOf(factory, registry, number))
                            .ifPresent(contact -> mail(session, realm, contact, org, claimant));
                });
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not tell the contact of organization %s that it was claimed", orgId);
            }
        }

        private void mail(
                KeycloakSession session, RealmModel realm, String contact, OrganizationModel org, UserModel claimant) {
            UserModel company =
                    new InMemoryUserAdapter(session, realm, null); // an address, in the realm's default language
            company.setEmail(contact);
            try {
                KundkontoMail.to(session, realm, company)
                        .with("companyName", org.getName())
                        .with("customerNumber", org.getAlias())
                        .with("claimantName", KundkontoMail.nameOf(claimant))
                        .with("claimantEmail", String.valueOf(claimant.getEmail()))
                        .with("claimantEmailVerified", claimant.isEmailVerified())
                        .with("claimedAt", WHEN.format(at))
                        .send("kundkontoAccountClaimedSubject", "kundkonto-account-claimed.ftl");
            } catch (EmailException e) {
                LOG.warnf(
                        "Could not tell the registry contact of customer %s that the account was claimed: %s",
                        org.getAlias(), e.getMessage());
            }
        }
    }
}
