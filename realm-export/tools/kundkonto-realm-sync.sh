#!/usr/bin/env bash
# kundkonto-realm-sync.sh — bring a live realm up to the realm export without importing it again.
#
#   KC_CLI_PASSWORD=... realm-export/tools/kundkonto-realm-sync.sh --server https://login.example.se \
#       --user admin [--realm kundportal] [--file realm-export/kundportal-realm.json] [--dry-run]
#
# What it does, through Keycloak's own kcadm.sh and jq (README "Versions and upgrading"):
#   - creates what the export has and the live realm lacks: client scopes (and their realm-default
#     status), clients, realm and client roles, top-level groups, identity providers and their mappers
#     (one partialImport, ifResourceExists=SKIP, never with users or organizations);
#   - registers the export's required actions and sets enabled / default action / priority / config as
#     in the export;
#   - authentication flows: each top-level flow of the export whose structure (executions in order:
#     authenticator or sub-flow, requirement, level, authenticator config) differs from the flow the
#     live realm binds is built anew under "<alias> <hash of its structure>", sub-flows and configs
#     included, and the realm's bindings, identity providers' first/post broker login flows and clients'
#     flow overrides that the export points at it are moved to the new flow. The old flow stays.
# What it never does: delete anything, change settings of clients, scopes, roles or identity providers
# that exist already, touch users, organizations or memberships.
#
# Credentials: the password comes from KC_CLI_PASSWORD (read by kcadm.sh itself) or kcadm.sh asks for it
# on a terminal; it is never an argument. Or log in yourself (kcadm.sh config credentials --config FILE)
# and pass --config FILE.
# The jq programs are in single quotes on purpose: their $names are jq's, not the shell's.
# shellcheck disable=SC2016
set -euo pipefail

PROG=${0##*/}
SERVER=${KEYCLOAK_URL:-}
REALM=${KEYCLOAK_REALM:-kundportal}
ADMIN_USER=${KEYCLOAK_ADMIN_USER:-}
ADMIN_REALM=${KEYCLOAK_ADMIN_REALM:-master}
case "$0" in */*) HERE=$(cd "${0%/*}" && pwd) ;; *) HERE=$PWD ;; esac
EXPORT_FILE=${KUNDKONTO_REALM_EXPORT:-${HERE%/*}/kundportal-realm.json}
KCADM=${KCADM:-}
CONFIG=
DRY_RUN=false

usage() {
  cat <<EOF
Usage: $PROG --server URL --user NAME [--realm kundportal] [--admin-realm master]
          [--file kundportal-realm.json] [--kcadm /opt/keycloak/bin/kcadm.sh] [--config FILE] [--dry-run]

  --server URL     Keycloak's base URL (env KEYCLOAK_URL)
  --realm NAME     the live realm to bring up to the export (env KEYCLOAK_REALM, default kundportal)
  --user NAME      admin user (env KEYCLOAK_ADMIN_USER); the password comes from KC_CLI_PASSWORD,
                   or kcadm.sh asks for it. There is no password option on purpose.
  --admin-realm R  the admin user's realm (env KEYCLOAK_ADMIN_REALM, default master)
  --file FILE      the realm export (default: kundportal-realm.json next to this folder)
  --kcadm PATH     kcadm.sh (env KCADM; default: kcadm.sh on PATH, then /opt/keycloak/bin/kcadm.sh)
  --config FILE    a kcadm.sh config you logged in with already (kcadm.sh config credentials --config FILE);
                   then --user is not needed
  --dry-run        print what would change, change nothing
EOF
}

die() { echo "$PROG: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --server) SERVER=${2:?}; shift 2 ;;
    --realm) REALM=${2:?}; shift 2 ;;
    --user) ADMIN_USER=${2:?}; shift 2 ;;
    --admin-realm) ADMIN_REALM=${2:?}; shift 2 ;;
    --file) EXPORT_FILE=${2:?}; shift 2 ;;
    --kcadm) KCADM=${2:?}; shift 2 ;;
    --config) CONFIG=${2:?}; shift 2 ;;
    --dry-run) DRY_RUN=true; shift ;;
    --password|--password=*) die "no password on the command line (it would show in ps and shell history): set KC_CLI_PASSWORD or let kcadm.sh ask" ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

command -v jq >/dev/null 2>&1 || die "jq is missing (apt-get install jq)"
if [ -z "$KCADM" ]; then
  if command -v kcadm.sh >/dev/null 2>&1; then KCADM=$(command -v kcadm.sh);
  elif [ -x /opt/keycloak/bin/kcadm.sh ]; then KCADM=/opt/keycloak/bin/kcadm.sh;
  else die "kcadm.sh is missing: put Keycloak's bin/ on PATH or pass --kcadm PATH"; fi
fi
[ -x "$KCADM" ] || die "kcadm.sh is missing or not executable: $KCADM"
[ -r "$EXPORT_FILE" ] || die "realm export not found: $EXPORT_FILE"
jq -e '.authenticationFlows' "$EXPORT_FILE" >/dev/null 2>&1 || die "not a realm export: $EXPORT_FILE"

# kcadm.sh is a JVM started once per call: the quick-start flags halve that where KC_OPTS says nothing else
export KC_OPTS=${KC_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ -z "$CONFIG" ]; then
  [ -n "$SERVER" ] || die "--server URL is missing (or set KEYCLOAK_URL)"
  [ -n "$ADMIN_USER" ] || die "--user NAME is missing (or set KEYCLOAK_ADMIN_USER)"
  if [ -z "${KC_CLI_PASSWORD:-}" ] && [ ! -t 0 ]; then
    die "no password: set KC_CLI_PASSWORD (kcadm.sh reads it) or run on a terminal"
  fi
  CONFIG=$WORK/kcadm.config
  if ! "$KCADM" config credentials --config "$CONFIG" --server "$SERVER" --realm "$ADMIN_REALM" --user "$ADMIN_USER" \
      >"$WORK/login.out" 2>&1; then
    sed 's/^/  /' "$WORK/login.out" >&2
    die "could not log in to $SERVER as $ADMIN_USER (realm $ADMIN_REALM): wrong password, user or URL?"
  fi
fi

# kc VERB URI [args]: kcadm.sh against the live realm; stdout is the answer, errors stop the script.
kc() {
  local verb=$1 uri=$2; shift 2
  if ! "$KCADM" "$verb" "$uri" -r "$REALM" --config "$CONFIG" "$@" 2>"$WORK/kc.err" </dev/null; then
    sed 's/^/  /' "$WORK/kc.err" >&2
    die "kcadm.sh $verb $uri failed"
  fi
}
enc() { jq -rn --arg s "$1" '$s|@uri'; }

# --- the live realm, in the export's own format --------------------------------------------------------
if ! "$KCADM" get "realms/$(enc "$REALM")" --config "$CONFIG" --fields realm >"$WORK/realm.json" 2>"$WORK/kc.err"; then
  sed 's/^/  /' "$WORK/kc.err" >&2
  die "realm '$REALM' not found on the server (or this admin may not see it)"
fi
load_live() {
  kc create "realms/$(enc "$REALM")/partial-export?exportClients=true&exportGroupsAndRoles=true" -b '{}' -o >"$WORK/live.json"
  kc get identity-provider/instances >"$WORK/idps.json"
  kc get authentication/required-actions >"$WORK/required-actions.json"
  kc get client-scopes >"$WORK/scopes.json"
  kc get clients --fields id,clientId,authenticationFlowBindingOverrides >"$WORK/clients.json"
}
load_live
LIVE=$WORK/live.json
EXPORT=$EXPORT_FILE

# jq helpers shared by every question about flows: the structure of a top-level flow as a flat list of
# {level, subflow (type) | authenticator, requirement, config}, sub-flows by position, not by name.
JQ_FLOWS='
def flow($r; $a): first(($r.authenticationFlows // [])[] | select(.alias == $a));
def cfg($r; $a): (first(($r.authenticatorConfig // [])[] | select(.alias == $a)) | .config // {}) // {};
def steps($r; $a; $lvl):
  (flow($r; $a).authenticationExecutions // []) | sort_by(.priority) | .[] |
  if .authenticatorFlow then
    ({level: $lvl, subflow: flow($r; .flowAlias).providerId, authenticator: (.authenticator // null),
      requirement, config: null}, steps($r; .flowAlias; $lvl + 1))
  else
    {level: $lvl, subflow: null, authenticator, requirement,
     config: (if .authenticatorConfig then cfg($r; .authenticatorConfig) else null end)}
  end;
def shape($r; $a): if flow($r; $a) then [steps($r; $a; 0)] else null end;
'
jqx() { jq -n --slurpfile e "$EXPORT" --slurpfile l "$LIVE" "$JQ_FLOWS $1" "${@:2}"; }

PLAN=$WORK/plan.txt
: >"$PLAN"
plan() { echo "$*" >>"$PLAN"; echo "  $*"; }

if [ "$DRY_RUN" = true ]; then
  echo "Realm '$REALM' against ${EXPORT##*/} (dry run: nothing is changed):"
else
  echo "Realm '$REALM' against ${EXPORT##*/}:"
fi

# --- 1. client scopes -----------------------------------------------------------------------------------
NEW_SCOPES=$(jq -c --slurpfile s "$WORK/scopes.json" '[(.clientScopes // [])[] | select(.name as $n | ($s[0] | map(.name) | index($n)) | not)]' "$EXPORT")
for name in $(echo "$NEW_SCOPES" | jq -r '.[].name | @base64'); do
  name=$(echo "$name" | base64 -d)
  plan "create client scope '$name'"
  if [ "$DRY_RUN" = false ]; then
    echo "$NEW_SCOPES" | jq --arg n "$name" '.[] | select(.name == $n) | del(.id)' >"$WORK/scope.json"
    id=$(kc create client-scopes -f "$WORK/scope.json" -i)
    if jq -e --arg n "$name" '(.defaultDefaultClientScopes // []) | index($n)' "$EXPORT" >/dev/null; then
      kc update "default-default-client-scopes/$id" -b '{}' >/dev/null
    elif jq -e --arg n "$name" '(.defaultOptionalClientScopes // []) | index($n)' "$EXPORT" >/dev/null; then
      kc update "default-optional-client-scopes/$id" -b '{}' >/dev/null
    fi
  fi
done

# --- 2. required actions ----------------------------------------------------------------------------------
jq -c '(.requiredActions // [])[]' "$EXPORT" | while read -r ra; do
  alias=$(echo "$ra" | jq -r .alias)
  live=$(jq -c --arg a "$alias" 'first(.[] | select(.alias == $a)) // empty' "$WORK/required-actions.json")
  if [ -z "$live" ]; then
    plan "register required action '$alias' ($(echo "$ra" | jq -r 'if .enabled then "enabled" else "disabled" end'))"
    if [ "$DRY_RUN" = false ]; then
      kc create authentication/register-required-action -b "$(echo "$ra" | jq -c '{providerId, name}')" >/dev/null
      kc update "authentication/required-actions/$(enc "$alias")" -b "$(echo "$ra" | jq -c '{alias, name, providerId, enabled, defaultAction, priority, config: (.config // {})}')" >/dev/null
    fi
  else
    wanted=$(jq -cn --argjson l "$live" --argjson e "$ra" \
      '$l + {enabled: $e.enabled, defaultAction: $e.defaultAction} + (if (($e.config // {}) | length) > 0 then {config: (($l.config // {}) + $e.config)} else {} end)')
    if [ "$(echo "$wanted" | jq -S -c .)" != "$(echo "$live" | jq -S -c .)" ]; then
      plan "set required action '$alias' as in the export: $(echo "$ra" | jq -r '"enabled=\(.enabled) defaultAction=\(.defaultAction)"')$(echo "$ra" | jq -r 'if ((.config // {}) | length) > 0 then " config=\(.config | tojson)" else "" end')"
      [ "$DRY_RUN" = true ] || kc update "authentication/required-actions/$(enc "$alias")" -b "$wanted" >/dev/null
    fi
  fi
done

# --- 3. authentication flows ----------------------------------------------------------------------------
# Where the export binds each top-level flow: realm bindings, identity providers, client overrides.
REALM_BINDINGS="browserFlow registrationFlow resetCredentialsFlow directGrantFlow firstBrokerLoginFlow clientAuthenticationFlow dockerAuthenticationFlow"
live_alias_by_id() { jq -r --arg id "$1" 'first((.authenticationFlows // [])[] | select(.id == $id) | .alias) // empty' "$LIVE"; }
live_has_flow() { jqx 'flow($l[0]; $a) != null' --arg a "$1" | grep -q true; }
same_shape() { jqx 'shape($e[0]; $x) == shape($l[0]; $y)' --arg x "$1" --arg y "$2" | grep -q true; }
declare -A TARGET=()     # export alias -> live alias bound after this run
declare -A CREATED=()    # aliases this run creates (flows and configs), so none is used twice

flow_suffix() {  # a short hash of the export flow's structure: the same export gives the same alias
  jqx 'shape($e[0]; $x)' --arg x "$1" -c | sha256sum | cut -c1-7
}
free_flow_alias() {  # the export's own alias if the live realm lacks it, else "<alias> <hash>"
  if ! live_has_flow "$1" && [ -z "${CREATED[flow:$1]:-}" ]; then echo "$1"; else echo "$1 $2"; fi
}
free_config_alias() {
  if jq -e --arg a "$1" '(.authenticatorConfig // []) | map(.alias) | index($a)' "$LIVE" >/dev/null || [ -n "${CREATED[cfg:$1]:-}" ]; then
    echo "$1 $2"; else echo "$1"; fi
}

# build_children PARENT_FLOW_ID EXPORT_ALIAS SUFFIX: the export flow's executions, in order, into the new flow.
# POST /authentication/executions takes requirement and priority with the execution: one call a step
# (two for a sub-flow: the flow, then its execution; two for a step with a config).
build_children() {
  local parent=$1 src=$2 suffix=$3 ex id sub newsub subid cfgalias newcfg
  while read -r ex; do
    if [ "$(echo "$ex" | jq -r .authenticatorFlow)" = true ]; then
      sub=$(echo "$ex" | jq -r .flowAlias)
      newsub=$(free_flow_alias "$sub" "$suffix"); CREATED[flow:$newsub]=1
      subid=$(kc create authentication/flows -i -b "$(jqx 'flow($e[0]; $s) | {alias: $n, description: (.description // ""), providerId, topLevel: false, builtIn: false}' \
        --arg s "$sub" --arg n "$newsub" -c)")
      kc create authentication/executions -b "$(echo "$ex" | jq -c --arg p "$parent" --arg f "$subid" \
        '{parentFlow: $p, authenticatorFlow: true, flowId: $f, requirement, priority} + (if .authenticator then {authenticator} else {} end)')" >/dev/null
      build_children "$subid" "$sub" "$suffix"
    else
      id=$(kc create authentication/executions -i -b "$(echo "$ex" | jq -c --arg p "$parent" \
        '{parentFlow: $p, authenticatorFlow: false, authenticator, requirement, priority}')")
      cfgalias=$(echo "$ex" | jq -r '.authenticatorConfig // empty')
      if [ -n "$cfgalias" ]; then
        newcfg=$(free_config_alias "$cfgalias" "$suffix"); CREATED[cfg:$newcfg]=1
        kc create "authentication/executions/$id/config" -b "$(jqx '{alias: $n, config: cfg($e[0]; $c)}' --arg n "$newcfg" --arg c "$cfgalias" -c)" >/dev/null
      fi
    fi
  done < <(jqx 'flow($e[0]; $s).authenticationExecutions // [] | sort_by(.priority) | .[]' --arg s "$src" -c)
}

bind() {  # bind PLACE KIND KEY EXPORT_ALIAS TARGET_ALIAS
  local kind=$1 key=$2 target=$3 rep id
  case "$kind" in
    realm) kc update "realms/$(enc "$REALM")" -b "$(jq -cn --arg k "$key" --arg v "$target" '{($k): $v}')" >/dev/null ;;
    idp:first|idp:post)
      rep=$(kc get "identity-provider/instances/$(enc "$key")")
      local field=firstBrokerLoginFlowAlias; [ "$kind" = idp:post ] && field=postBrokerLoginFlowAlias
      kc update "identity-provider/instances/$(enc "$key")" -b "$(echo "$rep" | jq -c --arg f "$field" --arg v "$target" '.[$f] = $v')" >/dev/null ;;
    client:*)
      id=$(kc get authentication/flows --fields id,alias | jq -r --arg a "$target" 'first(.[] | select(.alias == $a) | .id)')
      rep=$(kc get "clients/$key")
      kc update "clients/$key" -b "$(echo "$rep" | jq -c --arg b "${kind#client:}" --arg v "$id" '.authenticationFlowBindingOverrides[$b] = $v')" >/dev/null ;;
  esac
}

NEW_IDPS=$(jq -c --slurpfile i "$WORK/idps.json" '[(.identityProviders // [])[] | select(.alias as $a | ($i[0] | map(.alias) | index($a)) | not) | .alias]' "$EXPORT")
OLD_FLOWS=$WORK/old-flows.txt
: >"$OLD_FLOWS"

for X in $(jq -r '.authenticationFlows[] | select(.topLevel) | .alias | @base64' "$EXPORT"); do
  X=$(echo "$X" | base64 -d)
  suffix=$(flow_suffix "$X")
  # every place the export binds X: "kind<TAB>key<TAB>live alias bound there now"
  places=()
  for b in $REALM_BINDINGS; do
    if [ "$(jq -r --arg b "$b" '.[$b] // empty' "$EXPORT")" = "$X" ]; then
      places+=("realm	$b	$(jq -r --arg b "$b" '.[$b] // empty' "$LIVE")")
    fi
  done
  while IFS=$'\t' read -r kind idp; do
    [ -n "$idp" ] || continue
    if echo "$NEW_IDPS" | jq -e --arg a "$idp" 'index($a)' >/dev/null; then
      places+=("new-idp	$idp	")
    else
      field=firstBrokerLoginFlowAlias; [ "$kind" = post ] && field=postBrokerLoginFlowAlias
      places+=("idp:$kind	$idp	$(jq -r --arg a "$idp" --arg f "$field" 'first(.[] | select(.alias == $a) | .[$f]) // empty' "$WORK/idps.json")")
    fi
  done < <(jq -r --arg x "$X" '(.identityProviders // [])[] | (select(.firstBrokerLoginFlowAlias == $x) | "first\t\(.alias)"), (select(.postBrokerLoginFlowAlias == $x) | "post\t\(.alias)")' "$EXPORT")
  while IFS=$'\t' read -r clientId binding; do
    [ -n "$clientId" ] || continue
    cid=$(jq -r --arg c "$clientId" 'first(.[] | select(.clientId == $c) | .id) // empty' "$WORK/clients.json")
    [ -n "$cid" ] || continue   # a new client: the partial import below brings it
    cur=$(live_alias_by_id "$(jq -r --arg c "$cid" --arg b "$binding" 'first(.[] | select(.id == $c)) | .authenticationFlowBindingOverrides[$b] // empty' "$WORK/clients.json")")
    places+=("client:$binding	$cid	$cur")
  done < <(jq -r --arg x "$X" '(first(.authenticationFlows[] | select(.alias == $x)) | .id // $x) as $xid
             | (.clients // [])[] | select(.authenticationFlowBindingOverrides != null) | .clientId as $c
             | .authenticationFlowBindingOverrides | to_entries[] | select(.value == $x or .value == $xid) | "\($c)\t\(.key)"' "$EXPORT")

  # the live flow that already has the export's structure, if any: X itself or the one an earlier run built
  target=
  for cand in "$X" "$X $suffix"; do
    if live_has_flow "$cand"; then
      if same_shape "$X" "$cand"; then target=$cand; break; fi
      [ "$cand" = "$X" ] || die "flow '$cand' exists but differs from the export (an interrupted earlier run?): delete it in the admin console and run again"
    fi
  done
  # which places need moving: bound to a flow that differs from the export
  needs=()
  for p in "${places[@]}"; do
    IFS=$'\t' read -r kind key cur <<<"$p"
    if [ "$kind" = new-idp ]; then needs+=("$p"); continue; fi
    if [ -n "$cur" ] && [ "$cur" != "$target" ] && live_has_flow "$cur" && same_shape "$X" "$cur"; then continue; fi
    [ -n "$target" ] && [ "$cur" = "$target" ] && continue
    needs+=("$p")
  done
  if [ -z "$target" ] && [ ${#needs[@]} -eq 0 ] && live_has_flow "$X"; then
    # every place is bound to a flow with the export's structure already, or nothing binds X
    [ ${#places[@]} -gt 0 ] || echo "  note: flow '$X' differs from the export, but nothing binds it: left as it is"
    continue
  fi
  if [ -z "$target" ]; then
    target=$(free_flow_alias "$X" "$suffix"); CREATED[flow:$target]=1
    if live_has_flow "$X"; then
      plan "build flow '$target' (the export's '$X': $(jqx 'shape($e[0]; $x) | length' --arg x "$X") steps; the live '$X' differs)"
    else
      plan "build flow '$target' (new in the export: $(jqx 'shape($e[0]; $x) | length' --arg x "$X") steps)"
    fi
    if [ "$DRY_RUN" = false ]; then
      topid=$(kc create authentication/flows -i -b "$(jqx 'flow($e[0]; $x) | {alias: $n, description: (.description // ""), providerId, topLevel: true, builtIn: false}' --arg x "$X" --arg n "$target" -c)")
      build_children "$topid" "$X" "$suffix"
    fi
  fi
  TARGET[$X]=$target
  for p in "${needs[@]}"; do
    IFS=$'\t' read -r kind key cur <<<"$p"
    [ "$kind" = new-idp ] && continue   # created below with the new flow's alias
    label=$key; [[ "$kind" == client:* ]] && label="client $(jq -r --arg c "$key" 'first(.[] | select(.id == $c) | .clientId)' "$WORK/clients.json") ${kind#client:} override"
    [[ "$kind" == idp:* ]] && label="identity provider $key ${kind#idp:} broker login flow"
    plan "bind $label: '${cur:-(none)}' -> '$target'"
    [ "$DRY_RUN" = true ] || bind "$kind" "$key" "$target"
    if [ -n "$cur" ] && ! grep -qxF "$cur" "$OLD_FLOWS"; then echo "$cur" >>"$OLD_FLOWS"; fi
  done
done

# --- 4. clients, roles, groups, identity providers: what is new, in one partial import ----------------------
TARGETS_JSON=$(for k in "${!TARGET[@]}"; do jq -cn --arg k "$k" --arg v "${TARGET[$k]}" '{($k): $v}'; done | jq -s 'add // {}')
jq --slurpfile l "$LIVE" --slurpfile i "$WORK/idps.json" --argjson t "$TARGETS_JSON" '
  ($l[0]) as $live |
  def names($xs; $f): [($xs // [])[] | .[$f]];
  def flowalias($a): if $a == null then null else ($t[$a] // $a) end;
  {
    ifResourceExists: "SKIP",
    clients: [(.clients // [])[] | select(.clientId as $c | names($live.clients; "clientId") | index($c) | not) | del(.id)
              | if .authenticationFlowBindingOverrides then .authenticationFlowBindingOverrides |= with_entries(.value = flowalias(.value)) else . end],
    roles: {
      realm: [(.roles.realm // [])[] | select(.name as $n | names($live.roles.realm; "name") | index($n) | not) | del(.id, .containerId)],
      client: ((.roles.client // {}) | with_entries(.key as $c | .value |= [.[] | select(.name as $n | names($live.roles.client[$c]; "name") | index($n) | not) | del(.id, .containerId)]) | with_entries(select(.value | length > 0)))
    },
    groups: [(.groups // [])[] | select(.name as $n | names($live.groups; "name") | index($n) | not) | del(.id)],
    identityProviders: [(.identityProviders // [])[] | select(.alias as $a | names($i[0]; "alias") | index($a) | not) | del(.internalId)
              | .firstBrokerLoginFlowAlias = flowalias(.firstBrokerLoginFlowAlias) | .postBrokerLoginFlowAlias = flowalias(.postBrokerLoginFlowAlias)],
    identityProviderMappers: [(.identityProviderMappers // [])[] | select((.identityProviderAlias + "\u0000" + .name) as $k
              | [($live.identityProviderMappers // [])[] | .identityProviderAlias + "\u0000" + .name] | index($k) | not) | del(.id)]
  }' "$EXPORT" >"$WORK/partial-import.json"
jq -r '(.clients[] | "create client \(.clientId | @json)"), (.roles.realm[] | "create realm role \(.name | @json)"),
       (.roles.client | to_entries[] | .key as $c | .value[] | "create role \(.name | @json) of client \($c | @json)"),
       (.groups[] | "create group \(.name | @json)"), (.identityProviders[] | "create identity provider \(.alias | @json) (first broker login: \(.firstBrokerLoginFlowAlias // "-" | @json))"),
       (.identityProviderMappers[] | "create mapper \(.name | @json) of identity provider \(.identityProviderAlias | @json)")' "$WORK/partial-import.json" \
  | while read -r line; do plan "$line"; done
if [ "$DRY_RUN" = false ] && jq -e '[.clients, .roles.realm, (.roles.client | to_entries[] | .value), .groups, .identityProviders, .identityProviderMappers] | map(length) | add > 0' "$WORK/partial-import.json" >/dev/null; then
  kc create partialImport -f "$WORK/partial-import.json" >/dev/null
fi

# --- 5. the client roles the export puts in a new client's scope (clientScopeMappings) --------------------------
# A partial import carries clients but not these; without them a client with fullScopeAllowed false (such as
# kundkonto-uptake-report, whose tokens may carry realm-management view-users) has nothing in scope.
jq -r --slurpfile p "$WORK/partial-import.json" '
  [$p[0].clients[].clientId] as $new |
  (.clientScopeMappings // {}) | to_entries[] | .key as $owner | .value[] | select(.client as $c | $new | index($c))
  | .client as $c | .roles[] | [$c, $owner, .] | @tsv' "$EXPORT" >"$WORK/scope-mappings.tsv"
while IFS=$'\t' read -r client owner role; do
  [ -n "$client" ] || continue
  plan "put role $(jq -rn --arg r "$role" '$r|@json') of client $(jq -rn --arg o "$owner" '$o|@json') in the scope of new client $(jq -rn --arg c "$client" '$c|@json')"
  if [ "$DRY_RUN" = false ]; then
    client_id=$(kc get clients -q "clientId=$client" --fields id | jq -r --arg c "$client" 'first(.[]).id')
    owner_id=$(kc get clients -q "clientId=$owner" --fields id | jq -r 'first(.[]).id')
    kc get "clients/$owner_id/roles/$(enc "$role")" | jq -c '[.]' >"$WORK/scope-role.json"
    kc create "clients/$client_id/scope-mappings/clients/$owner_id" -f "$WORK/scope-role.json" >/dev/null
  fi
done <"$WORK/scope-mappings.tsv"

# --- summary ------------------------------------------------------------------------------------------------
echo
if [ ! -s "$PLAN" ]; then
  echo "Nothing to do: realm '$REALM' has everything of the export."
elif [ "$DRY_RUN" = true ]; then
  echo "Dry run: $(wc -l <"$PLAN") change(s) above, none made. Run again without --dry-run to make them."
else
  echo "Done: $(wc -l <"$PLAN") change(s)."
fi
while read -r old; do
  [ -n "$old" ] || continue
  if jq -e --arg a "$old" 'first(.authenticationFlows[] | select(.alias == $a)) | .builtIn' "$LIVE" >/dev/null; then
    echo "The old flow '$old' is one of Keycloak's built-in flows: it stays (Keycloak does not let it be deleted)."
  elif [ "$DRY_RUN" = true ]; then
    echo "The old flow '$old' would stay in place: delete it once logins work."
  else
    echo "The old flow '$old' is left in place: delete it once logins work."
  fi
done <"$OLD_FLOWS"
