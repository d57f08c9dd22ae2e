import { type AccountEnvironment, Page, useEnvironment } from "@keycloak/keycloak-account-ui";
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
  Modal,
  Text,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { refreshToken, useActiveCustomer } from "../activeCustomer";
import { ApiError, type Invitation, type Member, type Membership, type Role, useKundkontoApi } from "../api";
import { LoadFailed, Loading, useLoad, useRoleLabel } from "../shared";

const ROLES: Role[] = ["Admin", "User"];

const fullName = (m: Member) => [m.firstName, m.lastName].filter(Boolean).join(" ") || m.email;

/** "Administrera användare": members and their roles, invitations. Admins of the active customer only. */
export const UsersPage = () => {
  const { t } = useTranslation();
  const active = useActiveCustomer();
  return (
    <Page title={t("kundkontoUsersTitle")} description={t("kundkontoUsersDescription", { name: active?.name ?? "" })}>
      <div data-testid="kundkonto-users-page">
        {active?.role === "Admin" ? (
          <>
            <Members customer={active} />
            <Invitations customer={active} />
          </>
        ) : (
          // The menu hides this page from Users; someone who opens the URL anyway gets told why.
          <Text data-testid="kundkonto-users-admin-only">{t("kundkontoUsersAdminOnly")}</Text>
        )}
      </div>
    </Page>
  );
};

const Members = ({ customer }: { customer: Membership }) => {
  const { t } = useTranslation();
  const { keycloak } = useEnvironment<AccountEnvironment>();
  const api = useKundkontoApi();
  const roleLabel = useRoleLabel();
  const members = useLoad(() => api.listMembers(customer.number), [api, customer.number]);
  const [removing, setRemoving] = useState<Member>();
  const [message, setMessage] = useState<{ error?: boolean; text: string }>();

  const change = async (member: Member, work: () => Promise<unknown>, done: string) => {
    setMessage(undefined);
    try {
      await work();
      setMessage({ text: done });
      members.reload();
      // Changing oneself changes the token's active_customer (role, or membership).
      if (member.id === keycloak.subject) await refreshToken(keycloak);
    } catch (error) {
      const lastAdmin = error instanceof ApiError && error.error === "last_admin";
      setMessage({ error: true, text: t(lastAdmin ? "kundkontoLastAdminNote" : "kundkontoSaveFailed") });
      members.reload(); // back to the roles as they are, not as selected
    }
  };

  if (members.error) return <LoadFailed />;
  if (!members.data) return <Loading />;
  const admins = members.data.filter((m) => m.role === "Admin").length;

  return (
    <>
      <Title headingLevel="h2" className="pf-v5-u-mb-md">
        {t("kundkontoMembers")}
      </Title>
      {admins === 1 && (
        <Alert variant="info" isInline className="pf-v5-u-mb-md" title={t("kundkontoLastAdminNote")} data-testid="kundkonto-last-admin-note" />
      )}
      {message && (
        <Alert
          variant={message.error ? "danger" : "success"}
          isInline
          className="pf-v5-u-mb-md"
          title={message.text}
          data-testid={message.error ? "kundkonto-users-error" : "kundkonto-users-saved"}
        />
      )}
      <Table aria-label={t("kundkontoMembers")} variant="compact" data-testid="kundkonto-members">
        <Thead>
          <Tr>
            <Th>{t("kundkontoName")}</Th>
            <Th>{t("kundkontoEmail")}</Th>
            <Th>{t("kundkontoRole")}</Th>
            <Th screenReaderText={t("kundkontoRemove")} />
          </Tr>
        </Thead>
        <Tbody>
          {members.data.map((m) => (
            <Tr key={m.id} data-testid={`kundkonto-member-${m.id}`}>
              <Td dataLabel={t("kundkontoName")}>
                {fullName(m)} {m.id === keycloak.subject && t("kundkontoYou")}
              </Td>
              <Td dataLabel={t("kundkontoEmail")}>{m.email}</Td>
              <Td dataLabel={t("kundkontoRole")}>
                <FormSelect
                  value={m.role}
                  aria-label={t("kundkontoRole")}
                  data-testid={`kundkonto-role-${m.id}`}
                  onChange={(_event, value) => {
                    const role = value as Role;
                    members.setData(members.data!.map((x) => (x.id === m.id ? { ...x, role } : x)));
                    const done = t("kundkontoRoleChanged", { name: fullName(m), role: roleLabel(role) });
                    change(m, () => api.setRole(customer.number, m.id, role), done);
                  }}
                >
                  {ROLES.map((role) => (
                    <FormSelectOption key={role} value={role} label={roleLabel(role)} />
                  ))}
                </FormSelect>
              </Td>
              <Td isActionCell>
                <Button variant="link" isDanger data-testid={`kundkonto-remove-${m.id}`} onClick={() => setRemoving(m)}>
                  {t("kundkontoRemove")}
                </Button>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Modal
        variant="small"
        title={t("kundkontoRemoveTitle")}
        isOpen={!!removing}
        onClose={() => setRemoving(undefined)}
        data-testid="kundkonto-remove-modal"
        actions={[
          <Button
            key="remove"
            variant="danger"
            data-testid="kundkonto-confirm-remove"
            onClick={() => {
              const member = removing!;
              setRemoving(undefined);
              change(member, () => api.removeMember(customer.number, member.id), t("kundkontoMemberRemoved", { name: fullName(member) }));
            }}
          >
            {t("kundkontoRemove")}
          </Button>,
          <Button key="cancel" variant="link" data-testid="kundkonto-cancel-remove" onClick={() => setRemoving(undefined)}>
            {t("kundkontoCancel")}
          </Button>,
        ]}
      >
        {removing && t("kundkontoRemoveConfirm", { name: fullName(removing), company: customer.name })}
      </Modal>
    </>
  );
};

const Invitations = ({ customer }: { customer: Membership }) => {
  const { t, i18n } = useTranslation();
  const api = useKundkontoApi();
  const roleLabel = useRoleLabel();
  const invitations = useLoad(() => api.listInvitations(customer.number), [api, customer.number]);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("User");
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
      else setMessage({ error: true, text: t(code === "email_failed" ? "kundkontoEmailFailed" : "kundkontoSaveFailed") });
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
            onChange={(_event, value) => setRole(value as Role)}
          >
            {ROLES.map((r) => (
              <FormSelectOption key={r} value={r} label={roleLabel(r)} />
            ))}
          </FormSelect>
        </FormGroup>
        <div>
          <Button type="submit" isLoading={sending} isDisabled={sending || !email.trim()} data-testid="kundkonto-invite-submit">
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
                  {new Date(inv.expiresAt * 1000).toLocaleString(i18n.language, { dateStyle: "long", timeStyle: "short" })}
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
