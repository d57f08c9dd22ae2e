import { Page } from "@keycloak/keycloak-account-ui";
import {
  ActionGroup,
  Alert,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  FormGroup,
  FormHelperText,
  FormSection,
  HelperText,
  HelperTextItem,
  Text,
  TextInput,
} from "@patternfly/react-core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useActiveCustomer } from "../activeCustomer";
import { ApiError, type CompanyDetails, INVOICE_FIELDS, type InvoiceField, useKundkontoApi } from "../api";
import { LoadFailed, Loading, useLoad } from "../shared";

const LABELS: Record<InvoiceField, string> = {
  invoiceStreet: "kundkontoInvoiceStreet",
  invoicePostalCode: "kundkontoInvoicePostalCode",
  invoiceCity: "kundkontoInvoiceCity",
  invoiceEmail: "kundkontoInvoiceEmailLabel",
};

/** "Företagsuppgifter": the active customer's details; Admins keep the invoice address and e-mail. */
export const CompanyPage = () => {
  const { t } = useTranslation();
  const api = useKundkontoApi();
  const active = useActiveCustomer();
  const number = active?.number; // the token's claim is a new object after each refresh; its number is what counts
  const company = useLoad(async () => (number === undefined ? undefined : api.getCompany(number)), [api, number]);

  return (
    <Page title={t("kundkontoCompanyTitle")} description={t("kundkontoCompanyDescription")}>
      <div data-testid="kundkonto-company-page">
        {!active ? (
          <Alert
            variant="info"
            isInline
            title={t("kundkontoNoActiveCustomer")}
            data-testid="kundkonto-no-active-customer"
          />
        ) : company.error ? (
          <LoadFailed />
        ) : !company.data ? (
          <Loading />
        ) : (
          <>
            {company.data.missing.length > 0 && (
              <Alert
                variant="info"
                isInline
                className="pf-v5-u-mb-lg"
                title={t("kundkontoMissingReminder")}
                data-testid="kundkonto-missing-reminder"
              />
            )}
            <Details company={company.data} showInvoice={active.role !== "Admin"} />
            {active.role === "Admin" ? (
              <InvoiceForm company={company.data} onSaved={company.setData} />
            ) : (
              <Text component="small" data-testid="kundkonto-company-read-only">
                {t("kundkontoNotAdmin")}
              </Text>
            )}
          </>
        )}
      </div>
    </Page>
  );
};

const Details = ({ company, showInvoice }: { company: CompanyDetails; showInvoice: boolean }) => {
  const { t } = useTranslation();
  const row = (label: string, value: string | null | undefined, testId: string, hint?: string) => (
    <DescriptionListGroup>
      <DescriptionListTerm>{label}</DescriptionListTerm>
      <DescriptionListDescription>
        <span data-testid={testId}>{value || t("kundkontoNotSet")}</span>
        {hint && (
          <Text component="small" className="pf-v5-u-display-block pf-v5-u-color-200" data-testid={`${testId}-hint`}>
            {hint}
          </Text>
        )}
      </DescriptionListDescription>
    </DescriptionListGroup>
  );
  return (
    <DescriptionList isHorizontal horizontalTermWidthModifier={{ default: "22ch" }} className="pf-v5-u-mb-xl">
      {row(t("kundkontoCompanyNameLabel"), company.name, "kundkonto-company-name")}
      {row(t("kundkontoOrgNumber"), company.orgNumber, "kundkonto-org-number")}
      {row(t("kundkontoCustomerNumber"), company.number, "kundkonto-customer-number", t("kundkontoCustomerNumberHint"))}
      {/* Users see the invoice details read-only; Admins edit them in the form instead. */}
      {showInvoice && (
        <>
          {row(t("kundkontoInvoiceAddress"), address(company), "kundkonto-invoice-address-text")}
          {row(t("kundkontoInvoiceEmail"), company.invoiceEmail, "kundkonto-invoice-email-text")}
        </>
      )}
    </DescriptionList>
  );
};

const address = (c: CompanyDetails) =>
  [c.invoiceStreet, [c.invoicePostalCode, c.invoiceCity].filter(Boolean).join(" ")].filter(Boolean).join(", ");

const formValues = (c: CompanyDetails) =>
  Object.fromEntries(INVOICE_FIELDS.map((f) => [f, c[f] ?? ""])) as Record<InvoiceField, string>;

const InvoiceForm = ({ company, onSaved }: { company: CompanyDetails; onSaved: (c: CompanyDetails) => void }) => {
  const { t } = useTranslation();
  const api = useKundkontoApi();
  const [values, setValues] = useState(() => formValues(company));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<InvoiceField, string>>>({});
  const [result, setResult] = useState<{ saved: true } | { error: string }>();
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setResult(undefined);
    try {
      const updated = await api.updateCompany(company.number, values);
      setValues(formValues(updated)); // the server normalises, e.g. 12345 → 123 45
      setFieldErrors({});
      setResult({ saved: true });
      onSaved(updated);
    } catch (error) {
      // Keep what was typed; say which field is wrong in the user's language.
      const field = error instanceof ApiError ? error.field : undefined;
      const notAdmin = error instanceof ApiError && error.error === "not_admin";
      if (field) setFieldErrors({ [field]: t(`kundkontoInvalid${field[0].toUpperCase()}${field.slice(1)}`) });
      else setResult({ error: t(notAdmin ? "kundkontoNotAdmin" : "kundkontoSaveFailed") });
    } finally {
      setSaving(false);
    }
  };

  const input = (field: InvoiceField, testId: string, type: "text" | "email" = "text") => (
    <FormGroup label={t(LABELS[field])} fieldId={field}>
      <TextInput
        id={field}
        type={type}
        maxLength={100}
        value={values[field]}
        validated={fieldErrors[field] ? "error" : "default"}
        data-testid={testId}
        onChange={(_event, value) => {
          setValues({ ...values, [field]: value });
          setFieldErrors({ ...fieldErrors, [field]: undefined });
        }}
      />
      {fieldErrors[field] && (
        <FormHelperText>
          <HelperText>
            <HelperTextItem variant="error" data-testid={`${testId}-error`}>
              {fieldErrors[field]}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );

  return (
    // noValidate: the server checks the fields and we show its answer in the user's language.
    <Form onSubmit={save} noValidate data-testid="kundkonto-company-form">
      <FormSection title={t("kundkontoInvoiceAddress")} titleElement="h2">
        {input("invoiceStreet", "kundkonto-invoice-street")}
        {input("invoicePostalCode", "kundkonto-invoice-postal-code")}
        {input("invoiceCity", "kundkonto-invoice-city")}
      </FormSection>
      <FormSection title={t("kundkontoInvoiceEmail")} titleElement="h2">
        {input("invoiceEmail", "kundkonto-invoice-email", "email")}
      </FormSection>
      {result && "saved" in result && (
        <Alert variant="success" isInline title={t("kundkontoCompanySaved")} data-testid="kundkonto-company-saved" />
      )}
      {result && "error" in result && (
        <Alert variant="danger" isInline title={result.error} data-testid="kundkonto-company-error" />
      )}
      <ActionGroup>
        <Button type="submit" isLoading={saving} isDisabled={saving} data-testid="kundkonto-save-company">
          {t("kundkontoSave")}
        </Button>
      </ActionGroup>
    </Form>
  );
};
