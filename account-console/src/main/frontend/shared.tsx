import {
  Alert,
  Pagination,
  type PaginationTitles,
  SearchInput,
  Spinner,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { type DependencyList, type ReactNode, useEffect, useMemo, useState } from "react";
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` are the caller's, checked at each useLoad call (eslint.config.js)
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

/** How long typing pauses before the search goes to the server. */
const SEARCH_DELAY_MS = 300;

/** Search and page of a list the server pages: what is typed (sent after a pause, or at once on Enter), page, page size. */
export function useListQuery(defaultPerPage = 20) {
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(defaultPerPage);
  const submit = (value: string) => {
    setSearch(value.trim());
    setPage(1);
  };
  useEffect(() => {
    const timer = setTimeout(() => submit(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  // The same object while search and page stay, so that it can be a useLoad dependency.
  const query = useMemo(
    () => ({ search: search || undefined, first: (page - 1) * perPage, max: perPage }),
    [search, page, perPage],
  );
  return {
    typed,
    setTyped,
    submit,
    search,
    page,
    setPage,
    perPage,
    setPerPage: (size: number) => {
      setPerPage(size);
      setPage(1);
    },
    query,
  };
}

export type ListQueryState = ReturnType<typeof useListQuery>;

/** The pagination's texts in the console's language (PatternFly's defaults are English only). */
function usePaginationTitles(): PaginationTitles {
  const { t } = useTranslation();
  return {
    items: "",
    page: t("kundkontoPage"),
    pages: t("kundkontoPages"),
    itemsPerPage: t("kundkontoPerPage"),
    perPageSuffix: t("kundkontoPerPageSuffix"),
    ofWord: t("kundkontoOf"),
    optionsToggleAriaLabel: t("kundkontoPerPage"),
    currPageAriaLabel: t("kundkontoCurrentPage"),
    paginationAriaLabel: t("kundkontoPagination"),
    toFirstPageAriaLabel: t("kundkontoFirstPage"),
    toPreviousPageAriaLabel: t("kundkontoPreviousPage"),
    toNextPageAriaLabel: t("kundkontoNextPage"),
    toLastPageAriaLabel: t("kundkontoLastPage"),
  };
}

/**
 * A list's toolbar: a search field (server-side) and the pagination, with `children` (buttons) between.
 * The number found is announced to screen readers as it changes.
 */
export const ListToolbar = ({
  list,
  total,
  searchLabel,
  testId,
  children,
}: {
  list: ListQueryState;
  total: number | undefined;
  searchLabel: string;
  testId: string;
  children?: ReactNode;
}) => {
  const { t } = useTranslation();
  const titles = usePaginationTitles();
  return (
    <Toolbar>
      <ToolbarContent>
        <ToolbarItem>
          <SearchInput
            aria-label={searchLabel}
            placeholder={searchLabel}
            value={list.typed}
            onChange={(_event, value) => list.setTyped(value)}
            onSearch={(_event, value) => list.submit(value)}
            onClear={() => {
              list.setTyped("");
              list.submit("");
            }}
            resetButtonLabel={t("kundkontoClearSearch")}
            submitSearchButtonLabel={t("kundkontoSearch")}
            data-testid={`${testId}-search`}
          />
        </ToolbarItem>
        {children}
        {total !== undefined && (
          <ToolbarItem variant="pagination" align={{ default: "alignRight" }}>
            <span className="pf-v5-screen-reader" aria-live="polite" data-testid={`${testId}-count`}>
              {t("kundkontoFound", { count: total })}
            </span>
            <Pagination
              itemCount={total}
              page={list.page}
              perPage={list.perPage}
              perPageOptions={[10, 20, 50, 100].map((n) => ({ title: String(n), value: n }))}
              onSetPage={(_event, page) => list.setPage(page)}
              onPerPageSelect={(_event, size) => list.setPerPage(size)}
              titles={titles}
              isCompact
              data-testid={`${testId}-pagination`}
            />
          </ToolbarItem>
        )}
      </ToolbarContent>
    </Toolbar>
  );
};

/** A page of a list emptied by a change (the last one removed) goes back one page. */
export function useBackWhenEmpty(list: ListQueryState, items: readonly unknown[] | undefined) {
  const { page, setPage } = list;
  useEffect(() => {
    if (items && items.length === 0 && page > 1) setPage(page - 1);
  }, [items, page, setPage]);
}
