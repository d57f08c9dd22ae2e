import { Header } from "@keycloak/keycloak-account-ui";
import { Alert, AlertActionLink, Page, PageSection, Spinner } from "@patternfly/react-core";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router-dom";
import { PageNav } from "./PageNav";

/** Keycloak's masthead, our menu, and the page of the current route. */
export const Root = () => (
  <Page header={<Header />} sidebar={<PageNav />} isManagedSidebar>
    <Suspense fallback={<Spinner />}>
      <Outlet />
    </Suspense>
  </Page>
);

/** A page that failed to render: said in the page, with the menu still there (Keycloak's texts). */
export const PageError = () => {
  const { t } = useTranslation();
  return (
    <PageSection>
      <Alert
        variant="danger"
        isInline
        title={t("somethingWentWrong")}
        data-testid="kundkonto-page-error"
        actionLinks={<AlertActionLink onClick={() => location.reload()}>{t("tryAgain")}</AlertActionLink>}
      >
        {t("somethingWentWrongDescription")}
      </Alert>
    </PageSection>
  );
};
