import { type AccountEnvironment, useEnvironment } from "@keycloak/keycloak-account-ui";
import { useMemo } from "react";

// Client of the realm resource /realms/{realm}/kundkonto (customer-admin-api/openapi.yaml).

export type Role = "Admin" | "User";

/** The roles an Admin can give, in the order the selects show them. */
export const ROLES: Role[] = ["Admin", "User"];

export type Membership = { number: string; name: string; role: Role };

export type InvoiceFields = {
  invoiceEmail: string | null;
  invoiceStreet: string | null;
  invoicePostalCode: string | null;
  invoiceCity: string | null;
};

export type InvoiceField = keyof InvoiceFields;

export const INVOICE_FIELDS: InvoiceField[] = [
  "invoiceStreet",
  "invoicePostalCode",
  "invoiceCity",
  "invoiceEmail",
];

export type Company = InvoiceFields & {
  number: string;
  name: string;
  /** Already masked by the server for sole traders (800101-XXXX). */
  orgNumber: string;
  soleTrader: boolean;
  /** Editable fields that are still empty. */
  missing: InvoiceField[];
};

export type Member = { id: string; email: string; firstName?: string; lastName?: string; role: Role };

export type Invitation = { id: string; email: string; /** Unix time, seconds. */ expiresAt: number };

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

async function call<T>(
  { environment, keycloak }: Context,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
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
    const { error = "http_" + response.status, error_description = response.statusText } =
      (json ?? {}) as { error?: string; error_description?: string };
    throw new ApiError(response.status, error, error_description);
  }
  return json as T;
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
      listCustomers: () => call<Membership[]>(context, "GET", "/customers"),
      getCompany: (n: string) => call<Company>(context, "GET", customer(n)),
      updateCompany: (n: string, changes: Partial<Record<InvoiceField, string>>) =>
        call<Company>(context, "PUT", customer(n), changes),
      listMembers: (n: string) => call<Member[]>(context, "GET", `${customer(n)}/members`),
      setRole: (n: string, userId: string, role: Role) =>
        call<Member>(context, "PUT", `${customer(n)}/members/${encodeURIComponent(userId)}/role`, { role }),
      removeMember: (n: string, userId: string) =>
        call<void>(context, "DELETE", `${customer(n)}/members/${encodeURIComponent(userId)}`),
      listInvitations: (n: string) => call<Invitation[]>(context, "GET", `${customer(n)}/invitations`),
      invite: (n: string, email: string, role: Role) =>
        call<Invitation>(context, "POST", `${customer(n)}/invitations`, { email, role }),
      revokeInvitation: (n: string, id: string) =>
        call<void>(context, "DELETE", `${customer(n)}/invitations/${encodeURIComponent(id)}`),
    }),
    [context],
  );
}
