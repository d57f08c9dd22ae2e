import { Alert, Spinner } from "@patternfly/react-core";
import { type DependencyList, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "./api";

type Loaded<T> = { data?: T; error?: unknown; loading: boolean };

/** Loads a page's data when `deps` change; `reload` fetches again after a change, keeping what is shown meanwhile. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<Loaded<T>>({ loading: true });
  useEffect(() => {
    let current = true; // an answer for old deps, or after leaving the page, is dropped
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, version]);
  return {
    ...state,
    setData: (data: T) => setState({ data, loading: false }),
    reload: () => setVersion((v) => v + 1),
  };
}

export const Loading = () => <Spinner size="lg" aria-label="Loading" />;

export const LoadFailed = () => {
  const { t } = useTranslation();
  return <Alert variant="danger" isInline title={t("kundkontoLoadFailed")} data-testid="kundkonto-load-failed" />;
};

const ROLE_LABELS: Record<Role, string> = {
  Admin: "kundkontoRoleAdmin",
  User: "kundkontoRoleUser",
  Pending: "kundkontoRolePending",
};

/** "Administratör", "Användare", "Väntar på godkännande": every role of the API has its label. */
export function useRoleLabel() {
  const { t } = useTranslation();
  return (role: Role) => t(ROLE_LABELS[role]);
}
