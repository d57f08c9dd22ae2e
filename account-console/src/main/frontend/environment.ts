import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";

// Keycloak renders the environment (realm, URLs, feature flags, locale) into index.ftl as JSON.
export const environment: AccountEnvironment = JSON.parse(document.getElementById("environment")?.textContent ?? "{}");

/** Path of the console's root, e.g. "/realms/kundportal/account/"; every route hangs below it. */
export const basePath = decodeURIComponent(new URL(environment.baseUrl).pathname);
