// The uptake report page: signs the realm admin in with the authorization code flow and PKCE (public client
// kundkonto-uptake-report), keeps the access token in memory only, and reads the report's JSON with it.
"use strict";
(function () {
  const CLIENT_ID = "kundkonto-uptake-report";
  const page = new URL(window.location.href);
  const english = page.searchParams.get("lang") === "en";
  const realmPath = page.pathname.replace(/\/kundkonto\/admin\/uptake\/page$/, "");
  const api = realmPath + "/kundkonto/admin/uptake";
  const oidc = realmPath + "/protocol/openid-connect";
  const pageUrl = page.origin + page.pathname;

  const TEXT = english ? {
    title: "Move to personal accounts",
    intro: "How many of the registry's customers have moved from the shared company login.",
    signingIn: "Signing in…", loading: "Reading the report…", ready: "The report is up to date.",
    expired: "Your sign-in has expired. Reload the page to sign in again.",
    forbidden: "You lack the right to view users (realm-management view-users) in this realm.",
    unavailable: "The customer registry does not answer just now. Try again later.",
    failed: "The report could not be read.", signInFailed: "Signing in failed. Reload the page to try again.",
    summary: "Overview", summaryCaption: "Counts, now",
    rows: {
      registryCustomers: "Customers in the registry", activeRegistryCustomers: "of which active",
      activeCustomersWithMembers: "Active customers with at least one user", activeCustomersWithoutMembers: "Active customers without users",
      customerAccounts: "Customer accounts in Keycloak", customerAccountsWithMembers: "of which with users",
      members: "People with a customer account", admins: "of whom Admin somewhere",
    },
    claims: "First logins per day", claimsCaption: (since, zone) => `Customer accounts first claimed, from ${since} (${zone})`,
    day: "Day", accounts: "Customer accounts", noClaims: "No first logins in this period.",
    unclaimed: "Active customers without users", search: "Search by company name or customer number", searchButton: "Search",
    csv: "Download as CSV", number: "Customer number", name: "Company name", next: "Next page",
    unclaimedCaption: (n) => `${n} shown`, none: "No active customer without users matches.",
  } : {
    title: "Anslutning till personliga konton",
    intro: "Hur många av kundregistrets kunder som har gått över från den gemensamma företagsinloggningen.",
    signingIn: "Loggar in…", loading: "Läser rapporten…", ready: "Rapporten är aktuell.",
    expired: "Inloggningen har gått ut. Ladda om sidan för att logga in igen.",
    forbidden: "Du saknar behörighet att se användare (realm-management view-users) i den här realmen.",
    unavailable: "Kundregistret svarar inte just nu. Försök igen senare.",
    failed: "Rapporten kunde inte läsas.", signInFailed: "Inloggningen misslyckades. Ladda om sidan för att försöka igen.",
    summary: "Översikt", summaryCaption: "Antal, just nu",
    rows: {
      registryCustomers: "Kunder i kundregistret", activeRegistryCustomers: "varav aktiva",
      activeCustomersWithMembers: "Aktiva kunder med minst en användare", activeCustomersWithoutMembers: "Aktiva kunder utan användare",
      customerAccounts: "Kundkonton i Keycloak", customerAccountsWithMembers: "varav med användare",
      members: "Personer med kundkonto", admins: "varav Administratör någonstans",
    },
    claims: "Första inloggningar per dag", claimsCaption: (since, zone) => `Kundkonton som togs i bruk, från ${since} (${zone})`,
    day: "Dag", accounts: "Kundkonton", noClaims: "Inga första inloggningar under perioden.",
    unclaimed: "Aktiva kunder utan användare", search: "Sök på företagsnamn eller kundnummer", searchButton: "Sök",
    csv: "Ladda ner som CSV", number: "Kundnummer", name: "Företagsnamn", next: "Nästa sida",
    unclaimedCaption: (n) => `${n} visas`, none: "Ingen aktiv kund utan användare matchar.",
  };

  const $ = (id) => document.getElementById(id);
  let token = null;
  let next = null;
  let shown = 0;
  let listed = ""; // the search the list on the page was read with: "Nästa sida" goes on with it

  function status(text, error) {
    $("status").textContent = text;
    $("status").className = error ? "error" : "";
  }

  function base64url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function random() {
    return base64url(crypto.getRandomValues(new Uint8Array(32)));
  }

  async function signIn() {
    const verifier = random();
    const state = random();
    sessionStorage.setItem("kundkonto-uptake", JSON.stringify({ verifier, state }));
    const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
    const auth = new URL(page.origin + oidc + "/auth");
    auth.search = new URLSearchParams({
      client_id: CLIENT_ID, response_type: "code", scope: "openid", redirect_uri: pageUrl + (english ? "?lang=en" : ""),
      state, code_challenge: challenge, code_challenge_method: "S256", ui_locales: english ? "en" : "sv",
    }).toString();
    window.location.assign(auth.toString());
  }

  async function exchange(code, state) {
    const saved = JSON.parse(sessionStorage.getItem("kundkonto-uptake") || "null");
    sessionStorage.removeItem("kundkonto-uptake");
    window.history.replaceState(null, "", pageUrl + (english ? "?lang=en" : ""));
    if (!saved || saved.state !== state) {
      throw new Error("state");
    }
    const answer = await fetch(oidc + "/token", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code", client_id: CLIENT_ID, code, code_verifier: saved.verifier,
        redirect_uri: pageUrl + (english ? "?lang=en" : ""),
      }),
    });
    if (!answer.ok) {
      throw new Error("token " + answer.status);
    }
    token = (await answer.json()).access_token;
  }

  async function read(path) {
    const answer = await fetch(api + path, { headers: { Authorization: "Bearer " + token } });
    if (answer.status === 401) {
      throw new Error(TEXT.expired);
    }
    if (answer.status === 403) {
      throw new Error(TEXT.forbidden);
    }
    if (answer.status === 503) {
      throw new Error(TEXT.unavailable);
    }
    if (!answer.ok) {
      throw new Error(TEXT.failed);
    }
    return answer;
  }

  function cell(row, text, number) {
    const td = document.createElement("td");
    td.textContent = text;
    if (number) {
      td.className = "number";
    }
    row.appendChild(td);
  }

  function showSummary(report) {
    const rows = $("summary-rows");
    rows.replaceChildren();
    for (const [field, label] of Object.entries(TEXT.rows)) {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = label;
      tr.appendChild(th);
      cell(tr, String(report[field]), true);
      tr.dataset.field = field;
      rows.appendChild(tr);
    }
    $("claims-caption").textContent = TEXT.claimsCaption(report.firstClaimsSince, report.timeZone);
    const claims = $("claims-rows");
    claims.replaceChildren();
    for (const day of report.firstClaimsPerDay) {
      const tr = document.createElement("tr");
      cell(tr, day.date);
      cell(tr, String(day.count), true);
      claims.appendChild(tr);
    }
    if (report.firstClaimsPerDay.length === 0) {
      const tr = document.createElement("tr");
      cell(tr, TEXT.noClaims);
      cell(tr, "0", true);
      claims.appendChild(tr);
    }
  }

  function query(after) {
    const params = new URLSearchParams({ max: "100" });
    const search = after ? listed : $("search").value.trim();
    if (search) {
      params.set("search", search);
    }
    if (after) {
      params.set("after", after);
    }
    return params;
  }

  async function showUnclaimed(after) {
    const params = query(after);
    const page = await (await read("/unclaimed?" + params)).json();
    listed = params.get("search") || "";
    const rows = $("unclaimed-rows");
    if (!after) {
      rows.replaceChildren();
      shown = 0;
    }
    for (const customer of page.customers) {
      const tr = document.createElement("tr");
      cell(tr, customer.customerNumber);
      cell(tr, customer.companyName);
      rows.appendChild(tr);
    }
    shown += page.customers.length;
    if (shown === 0 && !page.next) {
      const tr = document.createElement("tr");
      cell(tr, "—");
      cell(tr, TEXT.none);
      rows.appendChild(tr);
    }
    $("unclaimed-caption").textContent = TEXT.unclaimedCaption(shown);
    next = page.next;
    $("next-button").hidden = !next;
  }

  async function downloadCsv() {
    const params = query(null);
    params.delete("max");
    const answer = await read("/unclaimed.csv?" + params);
    const name = /filename="([^"]+)"/.exec(answer.headers.get("Content-Disposition") || "");
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await answer.blob());
    link.download = name ? name[1] : "kundkonto-unclaimed.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  function label() {
    document.documentElement.lang = english ? "en" : "sv";
    document.title = TEXT.title;
    const texts = {
      title: TEXT.title, intro: TEXT.intro, "summary-title": TEXT.summary, "summary-caption": TEXT.summaryCaption,
      "claims-title": TEXT.claims, "claims-date": TEXT.day, "claims-count": TEXT.accounts, "unclaimed-title": TEXT.unclaimed,
      "search-label": TEXT.search, "search-button": TEXT.searchButton, "csv-button": TEXT.csv, "unclaimed-number": TEXT.number,
      "unclaimed-name": TEXT.name, "next-button": TEXT.next,
    };
    for (const [id, text] of Object.entries(texts)) {
      $(id).textContent = text;
    }
  }

  async function run(work) {
    try {
      await work();
    } catch (e) {
      status(e.message || TEXT.failed, true);
    }
  }

  async function start() {
    label();
    status(TEXT.signingIn);
    const code = page.searchParams.get("code");
    if (!code) {
      if (page.searchParams.get("error")) {
        status(TEXT.signInFailed, true);
        return;
      }
      await signIn();
      return;
    }
    try {
      await exchange(code, page.searchParams.get("state"));
    } catch (e) {
      status(TEXT.signInFailed, true);
      return;
    }
    status(TEXT.loading);
    await run(async () => {
      showSummary(await (await read("?days=30")).json());
      await showUnclaimed(null);
      for (const id of ["summary", "claims", "unclaimed"]) {
        $(id).hidden = false;
      }
      status(TEXT.ready);
    });
    $("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      run(() => showUnclaimed(null));
    });
    $("next-button").addEventListener("click", () => run(() => showUnclaimed(next)));
    $("csv-button").addEventListener("click", () => run(downloadCsv));
  }

  start();
})();
