import { type AccountEnvironment, Page, useEnvironment } from "@keycloak/keycloak-account-ui";
import { Button, EmptyState, EmptyStateBody, Label, ToolbarItem } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useTranslation } from "react-i18next";
import { addCustomer, switchCustomer, useActiveCustomer } from "../activeCustomer";
import { useKundkontoApi } from "../api";
import { ListToolbar, LoadFailed, Loading, useListQuery, useLoad, useRoleLabel } from "../shared";

/** "Mina kundkonton": the user's customer accounts, searched and paged by the server; switch the active one, or add one. */
export const CustomersPage = () => {
  const { t } = useTranslation();
  const { keycloak } = useEnvironment<AccountEnvironment>();
  const api = useKundkontoApi();
  const active = useActiveCustomer();
  const roleLabel = useRoleLabel();
  // From the API, not the token: with many accounts the token carries only their count.
  const list = useListQuery();
  const customers = useLoad(() => api.listCustomers(list.query), [api, list.query]);
  const page = customers.data;

  return (
    <Page title={t("kundkontoCustomersTitle")} description={t("kundkontoCustomersDescription")}>
      <div data-testid="kundkonto-customers-page">
        <ListToolbar
          list={list}
          total={page?.total}
          searchLabel={t("kundkontoSearchCustomers")}
          testId="kundkonto-customers"
        >
          <ToolbarItem>
            <Button data-testid="kundkonto-add-customer" onClick={() => addCustomer(keycloak)}>
              {t("kundkontoAddCustomer")}
            </Button>
          </ToolbarItem>
        </ListToolbar>
        {customers.error ? (
          <LoadFailed />
        ) : !page ? (
          <Loading />
        ) : page.items.length === 0 ? (
          <EmptyState>
            {list.search ? (
              <EmptyStateBody data-testid="kundkonto-customers-none-found">
                {t("kundkontoNoCustomersFound")}
              </EmptyStateBody>
            ) : (
              <EmptyStateBody data-testid="kundkonto-no-customers">{t("kundkontoNoCustomers")}</EmptyStateBody>
            )}
          </EmptyState>
        ) : (
          <Table aria-label={t("kundkontoCustomersTitle")} variant="compact" data-testid="kundkonto-customers">
            <Thead>
              <Tr>
                <Th>{t("kundkontoCompanyName")}</Th>
                <Th>{t("kundkontoCustomerNumber")}</Th>
                <Th>{t("kundkontoRole")}</Th>
                <Th screenReaderText={t("kundkontoActive")} />
              </Tr>
            </Thead>
            <Tbody>
              {page.items.map((c) => (
                <Tr key={c.number} data-testid={`kundkonto-customer-${c.number}`}>
                  <Td dataLabel={t("kundkontoCompanyName")}>{c.name}</Td>
                  <Td dataLabel={t("kundkontoCustomerNumber")}>{c.number}</Td>
                  <Td dataLabel={t("kundkontoRole")} data-testid={`kundkonto-customer-role-${c.number}`}>
                    {roleLabel(c.role)}
                  </Td>
                  <Td isActionCell>
                    {c.number === active?.number ? (
                      <Label color="green" data-testid={`kundkonto-active-${c.number}`}>
                        {t("kundkontoActive")}
                      </Label>
                    ) : (
                      <Button
                        variant="secondary"
                        data-testid={`kundkonto-switch-${c.number}`}
                        onClick={() => switchCustomer(keycloak, c.number)}
                      >
                        {t("kundkontoSwitchCustomer")}
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </div>
    </Page>
  );
};
