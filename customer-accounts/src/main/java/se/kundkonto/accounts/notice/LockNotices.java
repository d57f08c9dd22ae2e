package se.kundkonto.accounts.notice;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import se.kundkonto.accounts.CustomerAccounts;
import se.kundkonto.customer.LogSafe;

/**
 * Tells a customer account's Admins that its verification was locked by wrong guesses. The lock
 * exists whether the request's transaction commits or not, so the notice goes either way — after
 * the request and in the background: whether the number has a customer account and Admins is only
 * looked up there, so the locking request costs the same for a known number as for an unknown one.
 */
public final class LockNotices {

    private static final Logger LOG = Logger.getLogger(LockNotices.class);
    private static final String EXECUTOR = "kundkonto-mail";

    private LockNotices() {}

    public static void sendAfterRequest(KeycloakSession session, RealmModel realm, String customerNumber) {
        String realmId = realm.getId();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                schedule();
            }

            @Override
            protected void rollbackImpl() {
                schedule();
            }

            private void schedule() {
                try {
                    executor.execute(() -> send(factory, realmId, customerNumber));
                } catch (RejectedExecutionException shuttingDown) {
                    LOG.warnf(
                            "Server stopping: the Admins of customer %s are not told about the verification lock",
                            LogSafe.typed(customerNumber));
                }
            }
        });
    }

    private static void send(KeycloakSessionFactory factory, String realmId, String customerNumber) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return;
                }
                session.getContext().setRealm(realm);
                CustomerAccounts accounts = new CustomerAccounts(session);
                // Through the Admin group: a guesser must not make the server read every member of a large account.
                accounts.byCustomerNumber(customerNumber)
                        .ifPresent(org -> accounts.admins(org).stream()
                                .filter(admin -> admin.getEmail() != null)
                                .forEach(admin -> tell(session, realm, admin, org)));
            });
        } catch (RuntimeException e) {
            LOG.warnf(
                    e,
                    "Could not tell the Admins of customer %s about the verification lock",
                    LogSafe.typed(customerNumber));
        }
    }

    private static void tell(KeycloakSession session, RealmModel realm, UserModel admin, OrganizationModel org) {
        try {
            KundkontoMail.to(session, realm, admin)
                    .with("companyName", org.getName())
                    .with("customerNumber", org.getAlias())
                    .send("kundkontoVerificationLockedSubject", "kundkonto-verification-locked.ftl");
        } catch (EmailException e) {
            LOG.warnf(
                    "Could not tell Admin %s about the verification lock of customer %s: %s",
                    admin.getId(), org.getAlias(), e.getMessage());
        }
    }
}
