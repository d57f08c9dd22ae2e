package se.kundkonto.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The realm's "Mina kommuner" attribute offers exactly the municipalities of data/municipalities.csv. */
class MunicipalitiesInRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> fromCsv() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("data/municipalities.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("code,name,county_code");
        Map<String, String> municipalities = new LinkedHashMap<>();
        lines.stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(","))
                .forEach(cols -> municipalities.put(cols[0].strip(), cols[1].strip()));
        return municipalities;
    }

    private static JsonNode attribute(String name) throws IOException {
        JsonNode realm = JSON.readTree(Path.of("kundportal-realm.json").toFile());
        JsonNode profile = JSON.readTree(
                realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0")
                        .asText());
        for (JsonNode attribute : profile.get("attributes")) {
            if (name.equals(attribute.get("name").asText())) {
                return attribute;
            }
        }
        throw new AssertionError("no user-profile attribute " + name);
    }

    @Test
    void theCsvHasTheTwoHundredNinetyMunicipalities() throws IOException {
        Map<String, String> csv = fromCsv();
        assertThat(csv).hasSize(290).containsEntry("0180", "Stockholm").containsEntry("1480", "Göteborg");
        assertThat(csv.keySet()).allMatch(code -> code.matches("\\d{4}"));
    }

    @Test
    void theAttributeOffersExactlyThoseCodesWithTheirNames() throws IOException {
        Map<String, String> csv = fromCsv();
        JsonNode municipalities = attribute("municipalities");
        // Several values through the explicit validator; the attribute itself not "multivalued", or the
        // consoles would render free-text boxes instead of the multiselect.
        assertThat(municipalities.get("multivalued").asBoolean()).isFalse();
        assertThat(municipalities.at("/validations/multivalued/max").asText()).isEqualTo("290");

        List<String> options = JSON.convertValue(
                municipalities.at("/validations/options/options"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(options).containsExactlyInAnyOrderElementsOf(csv.keySet());

        Map<String, String> labels = JSON.convertValue(
                municipalities.at("/annotations/inputOptionLabels"),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        assertThat(labels).isEqualTo(csv);
        assertThat(municipalities.at("/annotations/inputOptionsFromValidation").asText())
                .isEqualTo("options");
    }

    @Test
    void phoneNumbersAreCheckedByTheLibphonenumberValidator() throws IOException {
        assertThat(attribute("phoneNumber").at("/validations").has("kundkonto-phone"))
                .isTrue();
        JsonNode realm = JSON.readTree(Path.of("kundportal-realm.json").toFile());
        assertThat(realm.get("eventsListeners").toString()).contains("kundkonto-phone-normaliser");
    }
}
