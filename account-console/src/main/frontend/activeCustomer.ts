import { type AccountEnvironment, useEnvironment } from "@keycloak/keycloak-account-ui";
import { useEffect, useState } from "react";
import type { CustomerSummary } from "./api";

type Keycloak = ReturnType<typeof useEnvironment<AccountEnvironment>>["keycloak"];

const TOKEN_REFRESHED = "kundkonto:token-refreshed";

/**
 * The active customer account of this console's client session: the `active_customer` claim of the
 * access token (the `kundkonto` client scope adds it). Absent while the user belongs to no customer.
 */
export function useActiveCustomer(): CustomerSummary | undefined {
  const { keycloak } = useEnvironment<AccountEnvironment>();
  const [, rerender] = useState(0);
  useEffect(() => {
    const onRefresh = () => rerender((n) => n + 1);
    window.addEventListener(TOKEN_REFRESHED, onRefresh);
    return () => window.removeEventListener(TOKEN_REFRESHED, onRefresh);
  }, []);
  const claim = keycloak.tokenParsed?.active_customer;
  return claim && typeof claim.number === "string" ? (claim as CustomerSummary) : undefined;
}

/** Gets a new token at once (after the user changed their own role or membership) and re-renders its readers. */
export async function refreshToken(keycloak: Keycloak) {
  await keycloak.updateToken(-1);
  window.dispatchEvent(new Event(TOKEN_REFRESHED));
}

// Switching and adding customer accounts are Keycloak application-initiated actions (kc_action): the
// browser leaves for the login pages and comes back here with a token for the new active customer.

export function switchCustomer(keycloak: Keycloak, number: string) {
  return keycloak.login({ action: `kundkonto-switch-customer:${number}`, redirectUri: location.href });
}

export function addCustomer(keycloak: Keycloak) {
  return keycloak.login({ action: "kundkonto-add-customer", redirectUri: location.href });
}
