package se.kundkonto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

import se.kundkonto.accounts.CustomerRole;

/** The answers as Keycloak's Jackson writes them: the field names and role names the portal reads. */
class RecordJsonTest {

    private static Map<String, Object> json(Object record) throws Exception {
        return JsonSerialization.readValue(JsonSerialization.writeValueAsString(record), Map.class);
    }

    @Test
    void rolesAreWrittenAsTheirGroupNames() throws Exception {
        assertThat(json(new CustomerSummary("01020304", "Företaget AB", CustomerRole.ADMIN)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("number", "01020304", "name", "Företaget AB", "role", "Admin"));
        assertThat(json(new Member("u1", "vantar@syd.se", "Vera", null, CustomerRole.PENDING)))
                .containsEntry("role", "Pending")
                .containsEntry("firstName", "Vera")
                .as("a missing name is left out, never \"null\"")
                .doesNotContainKey("lastName");
    }

    @Test
    void theErrorFieldIsCalledErrorDescription() throws Exception {
        assertThat(json(new ErrorBody("invalid_role", "role must be \"Admin\" or \"User\".")))
                .containsOnlyKeys("error", "error_description");
    }

    @Test
    void companyDetailsAndInvitationKeepTheirNames() throws Exception {
        CompanyDetails details = CompanyDetails.of(
                "01020304",
                "Företaget AB",
                Map.of("orgNumber", List.of("112233-4400"), "invoiceCity", List.of("Sundsvall")));
        assertThat(json(details))
                .containsOnlyKeys("number", "name", "orgNumber", "soleTrader", "invoiceCity", "missing")
                .containsEntry("soleTrader", false)
                .containsEntry("missing", List.of("invoiceEmail", "invoiceStreet", "invoicePostalCode"));
        assertThat(json(new Invitation("i1", "ny@bolaget.se", 1_900_000_000L)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("id", "i1", "email", "ny@bolaget.se", "expiresAt", 1_900_000_000));
    }
}
