import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Text,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ApiError,
  type AssignableRole,
  type CustomerSummary,
  type Invitation,
  ROLES,
  useKundkontoApi,
} from "../../api";
import { LoadFailed, Loading, useLoad, useRoleLabel } from "../../shared";

/** Invite someone by e-mail with a role; the pending invitations, each one withdrawable. */
export const Invitations = ({ customer }: { customer: CustomerSummary }) => {
  const { t, i18n } = useTranslation();
  const api = useKundkontoApi();
  const roleLabel = useRoleLabel();
  const invitations = useLoad(() => api.listInvitations(customer.number), [api, customer.number]);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<AssignableRole>("User");
  const [emailError, setEmailError] = useState<string>();
  const [message, setMessage] = useState<{ error?: boolean; text: string }>();
  const [sending, setSending] = useState(false);

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setMessage(undefined);
    try {
      await api.invite(customer.number, email, role);
      setMessage({ text: t("kundkontoInviteSent", { email }) });
      setEmail("");
      invitations.reload();
    } catch (error) {
      const code = error instanceof ApiError ? error.error : "";
      if (code === "invalid_email") setEmailError(t("kundkontoInvalidEmail"));
      else if (code === "already_member") setEmailError(t("kundkontoAlreadyMember"));
      else if (code === "too_many_invitations") setMessage({ error: true, text: t("kundkontoTooManyInvitations") });
      else
        setMessage({ error: true, text: t(code === "email_failed" ? "kundkontoEmailFailed" : "kundkontoSaveFailed") });
    } finally {
      setSending(false);
    }
  };

  const revoke = async (invitation: Invitation) => {
    setMessage(undefined);
    try {
      await api.revokeInvitation(customer.number, invitation.id);
      setMessage({ text: t("kundkontoInvitationRevoked", { email: invitation.email }) });
    } catch {
      setMessage({ error: true, text: t("kundkontoSaveFailed") });
    }
    invitations.reload();
  };

  return (
    <>
      <Title headingLevel="h2" className="pf-v5-u-mt-xl pf-v5-u-mb-md">
        {t("kundkontoInviteTitle")}
      </Title>
      {/* noValidate: the server checks the address and we show its answer in the user's language. */}
      <Form isHorizontal onSubmit={invite} noValidate data-testid="kundkonto-invite-form">
        <FormGroup label={t("kundkontoEmail")} fieldId="kundkonto-invite-email" isRequired>
          <TextInput
            id="kundkonto-invite-email"
            type="email"
            value={email}
            validated={emailError ? "error" : "default"}
            data-testid="kundkonto-invite-email"
            onChange={(_event, value) => {
              setEmail(value);
              setEmailError(undefined);
            }}
          />
          {emailError && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="error" data-testid="kundkonto-invite-email-error">
                  {emailError}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        <FormGroup label={t("kundkontoRole")} fieldId="kundkonto-invite-role">
          <FormSelect
            id="kundkonto-invite-role"
            value={role}
            data-testid="kundkonto-invite-role"
            onChange={(_event, value) => setRole(value as AssignableRole)}
          >
            {ROLES.map((r) => (
              <FormSelectOption key={r} value={r} label={roleLabel(r)} />
            ))}
          </FormSelect>
        </FormGroup>
        <div>
          <Button
            type="submit"
            isLoading={sending}
            isDisabled={sending || !email.trim()}
            data-testid="kundkonto-invite-submit"
          >
            {t("kundkontoInviteSubmit")}
          </Button>
        </div>
      </Form>
      {message && (
        <Alert
          variant={message.error ? "danger" : "success"}
          isInline
          className="pf-v5-u-mt-md"
          title={message.text}
          data-testid={message.error ? "kundkonto-invite-error" : "kundkonto-invite-saved"}
        />
      )}

      <Title headingLevel="h2" className="pf-v5-u-mt-xl pf-v5-u-mb-md">
        {t("kundkontoInvitations")}
      </Title>
      {invitations.error ? (
        <LoadFailed />
      ) : !invitations.data ? (
        <Loading />
      ) : invitations.data.length === 0 ? (
        <Text data-testid="kundkonto-no-invitations">{t("kundkontoNoInvitations")}</Text>
      ) : (
        <Table aria-label={t("kundkontoInvitations")} variant="compact" data-testid="kundkonto-invitations">
          <Thead>
            <Tr>
              <Th>{t("kundkontoEmail")}</Th>
              <Th>{t("kundkontoExpiresAt")}</Th>
              <Th screenReaderText={t("kundkontoRevoke")} />
            </Tr>
          </Thead>
          <Tbody>
            {invitations.data.map((inv) => (
              <Tr key={inv.id} data-testid={`kundkonto-invitation-${inv.id}`}>
                <Td dataLabel={t("kundkontoEmail")}>{inv.email}</Td>
                <Td dataLabel={t("kundkontoExpiresAt")}>
                  {new Date(inv.expiresAt * 1000).toLocaleString(i18n.language, {
                    dateStyle: "long",
                    timeStyle: "short",
                  })}
                </Td>
                <Td isActionCell>
                  <Button variant="link" data-testid={`kundkonto-revoke-${inv.id}`} onClick={() => revoke(inv)}>
                    {t("kundkontoRevoke")}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </>
  );
};
