import { type AccountEnvironment, useEnvironment } from "@keycloak/keycloak-account-ui";
import { useMemo } from "react";

import type {
  AssignableRole,
  CompanyChanges,
  CompanyDetails,
  CustomerSummary,
  ErrorBody,
  Invitation,
  InvitationRequest,
  Member,
  Role,
  RoleChange,
} from "./apiTypes";
import { AssignableRoleValues } from "./apiTypes";

// Client of the realm resource /realms/{realm}/kundkonto. Its bodies are the types of apiTypes.ts,
// generated from customer-admin-api/openapi.yaml (held to the Java records by OpenApiContractTest).

export type { AssignableRole, CompanyDetails, CustomerSummary, Invitation, Member, Role } from "./apiTypes";

/** The roles an Admin can give, in the order the selects show them. */
export const ROLES: readonly AssignableRole[] = AssignableRoleValues;

/** The invoice fields an Admin keeps (the editable part of the company details). */
export type InvoiceField = keyof CompanyChanges;

export const INVOICE_FIELDS: InvoiceField[] = ["invoiceStreet", "invoicePostalCode", "invoiceCity", "invoiceEmail"];

/** A JSON error answer of the API: {error, error_description}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${status} ${error}: ${description}`);
  }

  /** The invoice field a 400 answer is about, if any (errors are invalid_<field>; the description names it too). */
  get field(): InvoiceField | undefined {
    if (this.status !== 400) return undefined;
    const aliases: Record<string, InvoiceField> = {
      invalid_email: "invoiceEmail",
      invalid_postal_code: "invoicePostalCode",
    };
    return (
      aliases[this.error] ??
      INVOICE_FIELDS.find((f) => this.error === `invalid_${f}`) ??
      INVOICE_FIELDS.find((f) => this.description.includes(`'${f}'`))
    );
  }
}

type Context = ReturnType<typeof useEnvironment<AccountEnvironment>>;

/** One page of a list answer and how many the search finds in all (the API's X-Total-Count header). */
export type ListPage<T> = { items: T[]; total: number };

/** The query of a list: part of a name, e-mail or number; how many to skip; how many at most. */
export type ListQuery = { search?: string; first: number; max: number };

const TOTAL_HEADER = "X-Total-Count";

async function send(
  { environment, keycloak }: Context,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ json: unknown; headers: Headers }> {
  // The console's access token is short-lived; refresh it shortly before it expires.
  await keycloak.updateToken(5);
  const response = await fetch(
    `${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}/kundkonto${path}`,
    {
      method,
      headers: {
        Authorization: `Bearer ${keycloak.token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
  const text = await response.text();
  const json = text ? safeParse(text) : undefined;
  if (!response.ok) {
    const { error = "http_" + response.status, error_description = response.statusText } = (json ??
      {}) as Partial<ErrorBody>;
    throw new ApiError(response.status, error, error_description);
  }
  return { json, headers: response.headers };
}

const call = async <T>(context: Context, method: string, path: string, body?: unknown) =>
  (await send(context, method, path, body)).json as T;

/** A GET of one page of a list; the query's empty values are left out. */
async function list<T>(
  context: Context,
  path: string,
  query: ListQuery & Record<string, unknown>,
): Promise<ListPage<T>> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const { json, headers } = await send(context, "GET", `${path}?${params}`);
  const items = (json ?? []) as T[];
  const total = Number(headers.get(TOTAL_HEADER));
  return { items, total: Number.isFinite(total) && headers.has(TOTAL_HEADER) ? total : items.length };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const customer = (number: string) => `/customers/${encodeURIComponent(number)}`;

/** The API calls, bound to the console's server, realm and token. */
export function useKundkontoApi() {
  const context = useEnvironment<AccountEnvironment>();
  return useMemo(
    () => ({
      /** The caller's customer accounts matching the search (name or customer number), one page. */
      listCustomers: (query: ListQuery) => list<CustomerSummary>(context, "/customers", query),
      getCompany: (n: string) => call<CompanyDetails>(context, "GET", customer(n)),
      updateCompany: (n: string, changes: CompanyChanges) => call<CompanyDetails>(context, "PUT", customer(n), changes),
      /** One page of the members matching the search (e-mail or name), and of one role if given. */
      listMembers: (n: string, query: ListQuery & { role?: Role }) =>
        list<Member>(context, `${customer(n)}/members`, query),
      /** Changes a member's role, or approves a waiting (Pending) member with that role. */
      setRole: (n: string, userId: string, role: AssignableRole) =>
        call<Member>(context, "PUT", `${customer(n)}/members/${encodeURIComponent(userId)}/role`, {
          role,
        } satisfies RoleChange),
      removeMember: (n: string, userId: string) =>
        call<void>(context, "DELETE", `${customer(n)}/members/${encodeURIComponent(userId)}`),
      listInvitations: (n: string) => call<Invitation[]>(context, "GET", `${customer(n)}/invitations`),
      invite: (n: string, email: string, role: AssignableRole) =>
        call<Invitation>(context, "POST", `${customer(n)}/invitations`, { email, role } satisfies InvitationRequest),
      revokeInvitation: (n: string, id: string) =>
        call<void>(context, "DELETE", `${customer(n)}/invitations/${encodeURIComponent(id)}`),
    }),
    [context],
  );
}
