package se.kundkonto.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what both nodes committed, straight from Keycloak's tables in the shared PostgreSQL (no node's
 * cache in between): organizations, their membership group ({@code ORG.GROUP_ID}) and role groups
 * (organization groups: {@code KEYCLOAK_GROUP.ORG_ID}, which the membership group has too).
 */
final class KeycloakTables {

    private KeycloakTables() {}

    /** How many organizations have this alias (customer number). */
    static int organizations(String customerNumber) {
        return single("select count(*) from org where alias = ?", customerNumber);
    }

    /** Members of the customer's organization. */
    static int members(String customerNumber) {
        return single(
                "select count(*) from org o join user_group_membership m on m.group_id = o.group_id where o.alias = ?",
                customerNumber);
    }

    /** Members of one role group (Admin, User, Pending) of the customer's organization. */
    static int inRole(String customerNumber, String role) {
        return single(
                "select count(*) from org o join keycloak_group g on g.org_id = o.id and g.id <> o.group_id "
                        + "join user_group_membership m on m.group_id = g.id where o.alias = ? and g.name = ?",
                customerNumber,
                role);
    }

    /** Whether the user is in that role group of the customer's organization. */
    static boolean isInRole(String customerNumber, String role, String userId) {
        return single(
                        "select count(*) from org o join keycloak_group g on g.org_id = o.id and g.id <> o.group_id join user_group_membership m "
                                + "on m.group_id = g.id where o.alias = ? and g.name = ? and m.user_id = ?",
                        customerNumber,
                        role,
                        userId)
                > 0;
    }

    /** Role groups of the customer's organization (Admin, User, Pending once each). */
    static List<String> roleGroups(String customerNumber) {
        return strings(
                "select g.name from org o join keycloak_group g on g.org_id = o.id and g.id <> o.group_id where o.alias = ? order by g.name",
                customerNumber);
    }

    /** Users (by e-mail, among those given by prefix) that are in no organization at all: half-linked. */
    static List<String> usersWithoutMembership(String emailPrefix) {
        return strings(
                "select u.email from user_entity u where u.email like ? and u.service_account_client_link is null "
                        + "and not exists (select 1 from user_group_membership m join org o on o.group_id = m.group_id where m.user_id = u.id)",
                emailPrefix + "%");
    }

    /** Memberships (e-mail / customer) that do not have exactly one role group. */
    static List<String> membershipsWithoutOneRole() {
        return strings("select u.email || ' / ' || o.alias || ': ' || (select count(*) from keycloak_group g "
                + "join user_group_membership gm on gm.group_id = g.id where g.org_id = o.id and g.id <> o.group_id and gm.user_id = u.id) "
                + "from org o join user_group_membership m on m.group_id = o.group_id join user_entity u on u.id = m.user_id "
                + "where (select count(*) from keycloak_group g join user_group_membership gm on gm.group_id = g.id "
                + "where g.org_id = o.id and g.id <> o.group_id and gm.user_id = u.id) <> 1");
    }

    /** Role-group members that are not members of the organization: a membership lost under its role. */
    static List<String> rolesWithoutMembership() {
        return strings(
                "select u.email || ' / ' || g.name from keycloak_group g join user_group_membership gm on gm.group_id = g.id "
                        + "join user_entity u on u.id = gm.user_id where g.org_id is not null and not exists (select 1 from org r where r.group_id = g.id) and not exists (select 1 from org o "
                        + "join user_group_membership m on m.group_id = o.group_id where o.id = g.org_id and m.user_id = gm.user_id)");
    }

    /** OTP credentials of the user. */
    static List<String> otpCredentials(String email) {
        return strings(
                "select c.id from credential c join user_entity u on u.id = c.user_id where u.email = ? and c.type = 'otp' "
                        + "order by c.id",
                email);
    }

    /** Users with exactly this e-mail address (none, or one). */
    static List<String> usersLike(String email) {
        return strings("select id from user_entity where email = ?", email);
    }

    /** Whether the user with this e-mail is a member of the customer's organization. */
    static boolean isMember(String customerNumber, String email) {
        return single(
                        "select count(*) from org o join user_group_membership m on m.group_id = o.group_id "
                                + "join user_entity u on u.id = m.user_id where o.alias = ? and u.email = ?",
                        customerNumber,
                        email)
                > 0;
    }

    static String userId(String email) {
        List<String> ids = strings("select id from user_entity where email = ?", email);
        if (ids.size() != 1) {
            throw new AssertionError("users with e-mail " + email + ": " + ids);
        }
        return ids.get(0);
    }

    private static int single(String sql, String... params) {
        return Integer.parseInt(strings(sql, params).get(0));
    }

    private static List<String> strings(String sql, String... params) {
        try (Connection c = DriverManager.getConnection(PrivatePostgres.jdbcUrl("keycloak"), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
