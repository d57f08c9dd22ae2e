import { type AccountEnvironment, useEnvironment } from "@keycloak/keycloak-account-ui";
import { Nav, NavExpandable, NavItem, NavList, PageSidebar, PageSidebarBody } from "@patternfly/react-core";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { matchPath, useHref, useLinkClickHandler, useLocation } from "react-router-dom";
import { useActiveCustomer } from "./activeCustomer";
import { basePath } from "./environment";
import { type MenuItem, type MenuLink, isVisible, menu } from "./menu";

// Keycloak's exported PageNav only knows its feature flags; ours also hides "Administrera användare"
// from anyone who is not an Admin of the active customer account.
export const PageNav = () => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AccountEnvironment>();
  const isAdmin = useActiveCustomer()?.role === "Admin";
  const { pathname } = useLocation();
  const visible = (item: MenuItem) => isVisible(item, environment.features, isAdmin);
  const isActive = (link: MenuLink) => !!matchPath({ path: basePath + link.path, end: true }, pathname);

  return (
    <PageSidebar>
      <PageSidebarBody>
        <Nav>
          <NavList>
            {menu.filter(visible).map((item) => {
              if (!("children" in item)) return <NavLink key={item.path} link={item} isActive={isActive(item)} />;
              const children = item.children.filter(visible);
              const active = children.some(isActive);
              return (
                <NavExpandable
                  key={item.label}
                  data-testid={item.label}
                  title={t(item.label)}
                  isActive={active}
                  isExpanded={active}
                >
                  {children.map((link) => (
                    <NavLink key={link.path} link={link} isActive={isActive(link)} />
                  ))}
                </NavExpandable>
              );
            })}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
};

const NavLink = ({ link, isActive }: { link: MenuLink; isActive: boolean }) => {
  const { t } = useTranslation();
  // Keep the query (referrer, referrer_uri) like Keycloak's own menu does, for the "Back to" link.
  const to = basePath + link.path + location.search;
  const href = useHref(to);
  const navigate = useLinkClickHandler(to);
  return (
    <NavItem
      data-testid={link.testId ?? link.path}
      to={href}
      isActive={isActive}
      // PatternFly types the event loosely; it is the anchor's click.
      onClick={(event) => navigate(event as unknown as MouseEvent<HTMLAnchorElement>)}
    >
      {t(link.label)}
    </NavItem>
  );
};
