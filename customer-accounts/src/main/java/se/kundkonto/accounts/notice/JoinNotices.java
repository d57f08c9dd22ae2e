package se.kundkonto.accounts.notice;

import java.util.List;
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
import org.keycloak.organization.OrganizationProvider;

import se.kundkonto.accounts.CustomerRole;
import se.kundkonto.accounts.KundkontoMetrics;

/**
 * Tells a customer account's Admins who joined. The mails go out only once the join has committed
 * (a rolled-back registration tells nobody), and off the request thread, so a customer account
 * with many Admins or a slow mail server never slows down the newcomer's registration. The
 * benchmark measured that cost before this: each Admin added one SMTP round trip to the request.
 */
public final class JoinNotices {

    private static final Logger LOG = Logger.getLogger(JoinNotices.class);
    private static final String EXECUTOR = "kundkonto-mail";

    private JoinNotices() {}

    public static void sendAfterCommit(
            KeycloakSession session,
            RealmModel realm,
            OrganizationModel org,
            UserModel newcomer,
            CustomerRole role,
            List<UserModel> admins) {
        List<String> adminIds = admins.stream()
                .filter(admin -> admin.getEmail() != null && !admin.getId().equals(newcomer.getId()))
                .map(UserModel::getId)
                .toList();
        if (adminIds.isEmpty()) {
            return;
        }
        Notice notice = new Notice(realm.getId(), org.getId(), newcomer.getId(), role, adminIds);
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    executor.execute(() -> notice.send(factory));
                } catch (RejectedExecutionException shuttingDown) {
                    LOG.warnf(
                            "Server stopping: the Admins of organization %s are not told that user %s joined",
                            notice.orgId(), notice.newcomerId());
                }
            }

            @Override
            protected void rollbackImpl() {
                // nobody joined: nothing to tell
            }
        });
    }

    /** What to send, by ids: the background job reads everything again in its own session. */
    private record Notice(String realmId, String orgId, String newcomerId, CustomerRole role, List<String> adminIds) {

        void send(KeycloakSessionFactory factory) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealm(realmId);
                    session.getContext().setRealm(realm);
                    OrganizationModel org =
                            session.getProvider(OrganizationProvider.class).getById(orgId);
                    UserModel newcomer = session.users().getUserById(realm, newcomerId);
                    if (org == null || newcomer == null) {
                        return; // gone again before we got to it
                    }
                    adminIds.stream()
                            .map(id -> session.users().getUserById(realm, id))
                            .filter(admin -> admin != null && admin.getEmail() != null)
                            .forEach(admin -> tell(session, realm, admin, org, newcomer));
                });
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not tell the Admins of organization %s that user %s joined", orgId, newcomerId);
            }
        }

        private void tell(
                KeycloakSession session, RealmModel realm, UserModel admin, OrganizationModel org, UserModel newcomer) {
            try {
                KundkontoMail.to(session, realm, admin)
                        .with("companyName", org.getName())
                        .with("customerNumber", org.getAlias())
                        .with("newcomerName", KundkontoMail.nameOf(newcomer))
                        .with("newcomerEmail", String.valueOf(newcomer.getEmail()))
                        // Anyone can type any address at registration: say so until its owner has confirmed it.
                        .with("newcomerEmailVerified", newcomer.isEmailVerified())
                        .with("role", role.groupName())
                        .send(
                                role == CustomerRole.PENDING
                                        ? "kundkontoMemberWaitingSubject"
                                        : "kundkontoMemberJoinedSubject",
                                "kundkonto-member-joined.ftl");
            } catch (EmailException e) {
                LOG.warnf(
                        "Could not tell Admin %s that someone joined customer %s: %s",
                        admin.getId(), org.getAlias(), rootCause(e));
                KundkontoMetrics.joinNoticeFailed();
            }
        }

        private static String rootCause(Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause.getMessage();
        }
    }
}
