package se.kundkonto.profile;

import java.util.List;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidationResult;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator {@code kundkonto-municipality}: every value must be one of the configured
 * municipality codes. Keycloak's {@code options} validator would refuse an unknown code too, but only
 * with "invalid value"; this one names the code. The same {@code options} list feeds the
 * multiselect (annotation {@code inputOptionsFromValidation}).
 */
public final class MunicipalityValidator extends AbstractStringValidator implements ConfiguredProvider {

    public static final String ID = "kundkonto-municipality";
    public static final String KEY_OPTIONS = "options";
    public static final String MESSAGE = "kundkontoUnknownMunicipality";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        List<String> known = config.getStringListOrDefault(KEY_OPTIONS);
        if (known == null || !known.contains(value)) {
            context.addError(new ValidationError(ID, inputHint, MESSAGE, value));
        }
    }

    /** No municipalities chosen is fine. */
    @Override
    protected boolean skipValidation(Object value, ValidatorConfig config) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    @Override
    public ValidationResult validateConfig(KeycloakSession session, ValidatorConfig config) {
        if (config == null || !(config.get(KEY_OPTIONS) instanceof List<?> options) || options.isEmpty()) {
            return new ValidationResult(Set.of(new ValidationError(ID, KEY_OPTIONS, "error-invalid-config", "options: the list of municipality codes")));
        }
        return ValidationResult.OK;
    }

    @Override
    public String getHelpText() {
        return "Kundkonto: each value must be one of the listed municipality codes (SCB codes, e.g. 0180 for Stockholm).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ProviderConfigProperty options = new ProviderConfigProperty(KEY_OPTIONS, "Municipality codes",
                "The allowed codes; also what the multiselect offers (annotation inputOptionsFromValidation).",
                ProviderConfigProperty.MULTIVALUED_STRING_TYPE, null);
        return List.of(options);
    }
}
