import { Page } from "@keycloak/keycloak-account-ui";
import { Text } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { useActiveCustomer } from "../activeCustomer";
import { Invitations } from "./users/Invitations";
import { Members } from "./users/Members";

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
