package se.kundkonto.profile;

import java.util.List;

import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator {@code kundkonto-phone}: the value must be a real phone number (Swedish
 * unless it starts with a country code). Like Keycloak's own validators it is its own factory
 * ({@link org.keycloak.validate.SimpleValidator}): it is stateless and has nothing to create.
 * Storing the number in one form is {@link PhoneNumberNormaliser}'s job.
 */
public final class PhoneNumberValidator extends AbstractStringValidator implements ConfiguredProvider {

    public static final String ID = "kundkonto-phone";
    public static final String MESSAGE = "kundkontoPhoneInvalid";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        if (PhoneNumbers.normalise(value).isEmpty()) {
            context.addError(new ValidationError(ID, inputHint, MESSAGE, value));
        }
    }

    /** Empty values are the "required" check's business. */
    @Override
    protected boolean skipValidation(Object value, ValidatorConfig config) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    @Override
    public String getHelpText() {
        return "Kundkonto: a valid phone number, Swedish (070-123 45 67) or international (+46 70 123 45 67). "
                + "With the event listener kundkonto-phone-normaliser enabled it is stored as E.164 (+46701234567).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
