import "@patternfly/react-core/dist/styles/base.css";
import "@patternfly/patternfly/patternfly-addons.css";
import "@keycloak/keycloak-account-ui/style.css";

import { KeycloakProvider } from "@keycloak/keycloak-account-ui";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider, createBrowserRouter } from "react-router-dom";
import { environment } from "./environment";
import { i18n } from "./i18n";
import { routes } from "./routes";

// Texts first, so no page renders message keys.
await i18n.init();

// Created once logged in: keycloak-js has then removed the OIDC callback parameters from the URL.
const App = () => {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
};

// KeycloakProvider (the package's own) logs the user in and gives every page, Keycloak's and ours,
// the environment and the keycloak-js instance (useEnvironment).
createRoot(document.getElementById("app")!).render(
  <StrictMode>
    <KeycloakProvider environment={environment}>
      <App />
    </KeycloakProvider>
  </StrictMode>,
);
