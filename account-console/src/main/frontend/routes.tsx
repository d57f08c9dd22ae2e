import { routes as keycloakRoutes, useAccountAlerts } from "@keycloak/keycloak-account-ui";
import { AlertVariant } from "@patternfly/react-core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, type RouteObject } from "react-router-dom";
import { basePath, environment } from "./environment";
import { isVisible, links, menu } from "./menu";
import { CompanyPage } from "./pages/CompanyPage";
import { CustomersPage } from "./pages/CustomersPage";
import { UsersPage } from "./pages/UsersPage";
import { PageError, Root } from "./Root";

// Keycloak's pages whose feature is off (e.g. linked accounts without identity providers) get no route,
// like in Keycloak's own console. "admin" is the page's own business: it explains itself to Users.
const switchedOff = new Set(
  links(menu)
    .filter((link) => link.visibleIf !== "admin" && !isVisible(link, environment.features, true))
    .map((link) => link.path),
);

const NotFound = () => {
  const { t } = useTranslation();
  const { addAlert } = useAccountAlerts();
  useEffect(() => addAlert(t("pageNotFound"), AlertVariant.warning), [addAlert, t]);
  return <Navigate to={basePath} replace />;
};

export const routes: RouteObject[] = [
  {
    path: basePath,
    element: <Root />,
    children: [
      {
        // Pathless: a page that throws is reported inside the layout, not by React Router's bare default.
        errorElement: <PageError />,
        children: [
          ...keycloakRoutes.filter((route) => !switchedOff.has(route.path ?? "")),
          { path: "kundkonton", element: <CustomersPage /> },
          { path: "foretagsuppgifter", element: <CompanyPage /> },
          { path: "anvandare", element: <UsersPage /> },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
];
