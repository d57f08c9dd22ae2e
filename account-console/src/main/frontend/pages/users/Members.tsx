import { type AccountEnvironment, useEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Alert,
  Button,
  EmptyState,
  EmptyStateBody,
  Flex,
  FlexItem,
  FormSelect,
  FormSelectOption,
  Label,
  Modal,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { refreshToken } from "../../activeCustomer";
import { ApiError, type AssignableRole, type CustomerSummary, type Member, ROLES, useKundkontoApi } from "../../api";
import { ListToolbar, LoadFailed, Loading, useBackWhenEmpty, useListQuery, useLoad, useRoleLabel } from "../../shared";

const fullName = (m: Member) => [m.firstName, m.lastName].filter(Boolean).join(" ") || m.email;

/**
 * The members of the customer account: change a role, remove someone (with confirmation). Under the
 * join policy admin-approval, people waiting for approval are listed as such, to approve as User or
 * Admin, or to remove. Searched and paged by the server (accounts can have thousands of members); the
 * last-Admin note asks the server how many Admins there are, not the page shown.
 */
export const Members = ({ customer }: { customer: CustomerSummary }) => {
  const { t } = useTranslation();
  const { keycloak } = useEnvironment<AccountEnvironment>();
  const api = useKundkontoApi();
  const roleLabel = useRoleLabel();
  const list = useListQuery();
  const members = useLoad(() => api.listMembers(customer.number, list.query), [api, customer.number, list.query]);
  const admins = useLoad(
    () => api.listMembers(customer.number, { role: "Admin", first: 0, max: 1 }).then((page) => page.total),
    [api, customer.number],
  );
  useBackWhenEmpty(list, members.data?.items);
  const [removing, setRemoving] = useState<Member>();
  const [message, setMessage] = useState<{ error?: boolean; text: string }>();

  const change = async (member: Member, work: () => Promise<unknown>, done: string) => {
    setMessage(undefined);
    try {
      await work();
      setMessage({ text: done });
      members.reload();
      admins.reload();
      // Changing oneself changes the token's active_customer (role, or membership).
      if (member.id === keycloak.subject) await refreshToken(keycloak);
    } catch (error) {
      const lastAdmin = error instanceof ApiError && error.error === "last_admin";
      setMessage({ error: true, text: t(lastAdmin ? "kundkontoLastAdminNote" : "kundkontoSaveFailed") });
      members.reload(); // back to the roles as they are, not as selected
      admins.reload();
    }
  };

  if (members.error) return <LoadFailed />;
  if (!members.data) return <Loading />;
  const page = members.data;

  return (
    <>
      <Title headingLevel="h2" className="pf-v5-u-mb-md">
        {t("kundkontoMembers")}
      </Title>
      {admins.data === 1 && (
        <Alert
          variant="info"
          isInline
          className="pf-v5-u-mb-md"
          title={t("kundkontoLastAdminNote")}
          data-testid="kundkonto-last-admin-note"
        />
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
      <ListToolbar
        list={list}
        total={page.total}
        searchLabel={t("kundkontoSearchMembers")}
        testId="kundkonto-members"
      />
      {page.items.length === 0 && list.search ? (
        <EmptyState>
          <EmptyStateBody data-testid="kundkonto-members-none-found">{t("kundkontoNoMembersFound")}</EmptyStateBody>
        </EmptyState>
      ) : (
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
            {page.items.map((m) => (
              <Tr key={m.id} data-testid={`kundkonto-member-${m.id}`}>
                <Td dataLabel={t("kundkontoName")}>
                  {fullName(m)} {m.id === keycloak.subject && t("kundkontoYou")}
                </Td>
                <Td dataLabel={t("kundkontoEmail")}>{m.email}</Td>
                <Td dataLabel={t("kundkontoRole")}>
                  {m.role === "Pending" ? (
                    <Flex spaceItems={{ default: "spaceItemsSm" }} alignItems={{ default: "alignItemsCenter" }}>
                      <FlexItem>
                        <Label color="orange" data-testid={`kundkonto-pending-${m.id}`}>
                          {roleLabel("Pending")}
                        </Label>
                      </FlexItem>
                      {ROLES.map((role) => (
                        <FlexItem key={role}>
                          <Button
                            variant="secondary"
                            size="sm"
                            data-testid={`kundkonto-approve-${role.toLowerCase()}-${m.id}`}
                            aria-label={t(`kundkontoApproveAs${role}For`, { name: fullName(m) })}
                            onClick={() =>
                              change(
                                m,
                                () => api.setRole(customer.number, m.id, role),
                                t("kundkontoApproved", { name: fullName(m), role: roleLabel(role) }),
                              )
                            }
                          >
                            {t(`kundkontoApproveAs${role}`)}
                          </Button>
                        </FlexItem>
                      ))}
                    </Flex>
                  ) : (
                    <FormSelect
                      value={m.role}
                      aria-label={t("kundkontoRole")}
                      data-testid={`kundkonto-role-${m.id}`}
                      onChange={(_event, value) => {
                        const role = value as AssignableRole;
                        members.setData({
                          ...page,
                          items: page.items.map((x) => (x.id === m.id ? { ...x, role } : x)),
                        });
                        const done = t("kundkontoRoleChanged", { name: fullName(m), role: roleLabel(role) });
                        change(m, () => api.setRole(customer.number, m.id, role), done);
                      }}
                    >
                      {ROLES.map((role) => (
                        <FormSelectOption key={role} value={role} label={roleLabel(role)} />
                      ))}
                    </FormSelect>
                  )}
                </Td>
                <Td isActionCell>
                  <Button
                    variant="link"
                    isDanger
                    data-testid={`kundkonto-remove-${m.id}`}
                    onClick={() => setRemoving(m)}
                  >
                    {t("kundkontoRemove")}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
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
              change(
                member,
                () => api.removeMember(customer.number, member.id),
                t("kundkontoMemberRemoved", { name: fullName(member) }),
              );
            }}
          >
            {t("kundkontoRemove")}
          </Button>,
          <Button
            key="cancel"
            variant="link"
            data-testid="kundkonto-cancel-remove"
            onClick={() => setRemoving(undefined)}
          >
            {t("kundkontoCancel")}
          </Button>,
        ]}
      >
        {removing && t("kundkontoRemoveConfirm", { name: fullName(removing), company: customer.name })}
      </Modal>
    </>
  );
};
