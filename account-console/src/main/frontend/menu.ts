import type { Feature } from "@keycloak/keycloak-account-ui";

/** "admin": only while the active customer account's role is Admin; otherwise one of Keycloak's feature flags. */
export type Visibility = keyof Feature | "admin";

export type MenuLink = { label: string; path: string; visibleIf?: Visibility; testId?: string };
export type MenuGroup = { label: string; children: MenuLink[]; visibleIf?: Visibility };
export type MenuItem = MenuLink | MenuGroup;

// Keycloak's menu as in keycloak.v3's content.json (same paths, flags and labels, except "oid4vci" whose
// text exists; the test ids are the paths, as in Keycloak's) with our pages after "Personal info".
// Labels are message keys.
export const menu: MenuItem[] = [
  { label: "personalInfo", path: "" },
  { label: "kundkontoCustomersMenu", path: "kundkonton", testId: "kundkonto-nav-customers" },
  { label: "kundkontoCompanyMenu", path: "foretagsuppgifter", testId: "kundkonto-nav-company" },
  { label: "kundkontoUsersMenu", path: "anvandare", visibleIf: "admin", testId: "kundkonto-nav-users" },
  {
    label: "accountSecurity",
    children: [
      { label: "signingIn", path: "account-security/signing-in" },
      { label: "deviceActivity", path: "account-security/device-activity" },
      { label: "linkedAccounts", path: "account-security/linked-accounts", visibleIf: "isLinkedAccountsEnabled" },
    ],
  },
  { label: "applications", path: "applications", visibleIf: "isViewApplicationsEnabled" },
  { label: "oid4vci", path: "verifiable-credentials", visibleIf: "isOid4VciEnabled" },
  { label: "groups", path: "groups", visibleIf: "isViewGroupsEnabled" },
  { label: "organizations", path: "organizations", visibleIf: "isViewOrganizationsEnabled" },
  { label: "resources", path: "resources", visibleIf: "isMyResourcesEnabled" },
];

export function isVisible(item: { visibleIf?: Visibility }, features: Feature, isAdmin: boolean) {
  if (!item.visibleIf) return true;
  return item.visibleIf === "admin" ? isAdmin : features[item.visibleIf];
}

export const links = (items: MenuItem[]): MenuLink[] =>
  items.flatMap((item) => ("children" in item ? item.children : [item]));
