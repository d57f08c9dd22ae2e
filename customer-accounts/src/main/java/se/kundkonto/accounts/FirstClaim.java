package se.kundkonto.accounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

import se.kundkonto.accounts.verification.VerifiedCustomer;

/**
 * Creates a customer's organization and role groups in a transaction of its own, racing safely with
 * other first claims of the same customer on any node: a claim that loses the race fails on Keycloak's
 * unique constraints, and its next attempt finds the winner's organization.
 */
final class FirstClaim {

    private static final Logger LOG = Logger.getLogger(FirstClaim.class);

    /** Keycloak's {@code ORG.NAME} column. */
    static final int NAME_LENGTH = 255;

    private static final int ATTEMPTS = 6;

    private FirstClaim() {}

    /** The id of the customer's organization, with every role group, created or found. */
    static String create(KeycloakSession session, RealmModel realm, VerifiedCustomer customer) {
        RuntimeException lost = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> {
                    own.getContext().setRealm(own.realms().getRealm(realm.getId()));
                    return createOrFind(own, customer).getId();
                });
            } catch (RuntimeException e) {
                if (!lostARace(e)) {
                    throw e; // a database that is down or full is not a race: no retries to hide it
                }
                lost = e;
                LOG.debugf(
                        "First claim of customer %s lost a race (attempt %d): %s",
                        customer.customerNumber(), attempt, e.toString());
                pause(attempt);
            }
        }
        LOG.warnf("First claim of customer %s still lost after %d attempts", customer.customerNumber(), ATTEMPTS);
        throw lost;
    }

    /**
     * Another claim committed the same alias or group name first: Keycloak's duplicate check, the
     * database's unique constraint (SQLState class 23), or a lock given up while waiting for that claim
     * (class 40, H2's HYT00), reported through Hibernate or JDBC.
     */
    static boolean lostARace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModelDuplicateException
                    || cause instanceof jakarta.persistence.EntityExistsException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23")
                            || sql.getSQLState().startsWith("40")
                            || "HYT00".equals(sql.getSQLState()))) {
                return true; // unique violation; or deadlock/serialization/lock timeout while waiting for the winner
            }
            if (cause.getClass().getName().endsWith("ConstraintViolationException")) {
                return true;
            }
        }
        return false;
    }

    private static OrganizationModel createOrFind(KeycloakSession session, VerifiedCustomer customer) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel org = organizations.getByAlias(customer.customerNumber());
        if (org == null) {
            org = organizations.create(uniqueName(organizations, customer), customer.customerNumber());
            org.setAttributes(attributes(customer));
            // What a realm admin sees first in Organizations: where this came from and where the roles are.
            org.setDescription(
                    "Customer account " + customer.customerNumber()
                            + " (customer registry). Roles: organization groups "
                            + "Admin, User and Pending. Attributes orgNumber (masked for sole traders), invoice* are kept by the kundkonto pack.");
        }
        for (CustomerRole role : CustomerRole.values()) {
            OrganizationModel account = org;
            if (organizations
                    .searchGroupsByName(account, role.groupName(), true, 0, 1)
                    .findFirst()
                    .isEmpty()) {
                organizations.createGroup(account, role.groupName(), null);
            }
        }
        return org;
    }

    /**
     * Organization names are unique per realm and at most {@value #NAME_LENGTH} characters; company names
     * are neither. A name taken by another customer gets the customer number added; a long one is cut.
     */
    static String uniqueName(OrganizationProvider organizations, VerifiedCustomer customer) {
        String name = fit(customer.companyName().strip(), "");
        boolean taken = organizations.getAllStream(name, true, 0, 1).anyMatch(o -> name.equals(o.getName()));
        return taken ? fit(customer.companyName().strip(), " (" + customer.customerNumber() + ")") : name;
    }

    static String fit(String name, String suffix) {
        int room = NAME_LENGTH - suffix.length();
        if (name.length() > room && Character.isHighSurrogate(name.charAt(room - 1))) {
            room--; // never cut a character in half
        }
        String base = name.length() > room ? name.substring(0, room).strip() : name;
        return base + suffix;
    }

    private static Map<String, List<String>> attributes(VerifiedCustomer customer) {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(CustomerAccounts.ATTR_CUSTOMER_NUMBER, new ArrayList<>(List.of(customer.customerNumber())));
        attributes.put(CustomerAccounts.ATTR_ORG_NUMBER, new ArrayList<>(List.of(customer.orgNumber())));
        attributes.put(
                CustomerAccounts.ATTR_SOLE_TRADER, new ArrayList<>(List.of(String.valueOf(customer.soleTrader()))));
        return attributes;
    }

    /** Gives the winner time to commit; the jitter keeps many losers from colliding again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(25L * attempt + ThreadLocalRandom.current().nextLong(25));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
