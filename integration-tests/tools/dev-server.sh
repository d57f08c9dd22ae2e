#!/usr/bin/env bash
# A long-running Keycloak for the inner loop (README, "Developing"): the distribution the integration tests
# use, with the pack, the framework's time-offset provider and the test providers in providers/, started with
# the options the test framework gives its server for KundkontoServerConfig. Single ITs then run against it
# with KC_TEST_SERVER=remote, without starting a server of their own.
#
#   integration-tests/tools/dev-server.sh [--themes] [--import-realm]
#
#   --themes        serve the kundkonto theme (login, email, account) from the source folders instead of the
#                   jar, with theme and template caching off: an edited .ftl, .css or messages file shows on
#                   the next reload. The flow steps' own pages (authenticators' theme-resources) are linked in
#                   as theme templates too; their texts stay in the jar.
#   --import-realm  import realm-export/kundportal-realm.json at start, to click through (the ITs make their
#                   own realms). Without a mail catcher on 3025 the realm's e-mails are not delivered.
#
# Runs in the foreground on 8080 (management 9000) until Ctrl+C; the database is in memory (dev-mem), so
# every start is a fresh server. Build the jars first (the usual IT command, or
# ./mvnw -B -ntp package -pl pack,test-providers,integration-tests -am -DskipTests).
# Ports 8080 and 9000 are those of the demo and the test runs: one of them at a time.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
themes=false
import_realm=false
for arg in "$@"; do
  case "$arg" in
    --themes) themes=true ;;
    --import-realm) import_realm=true ;;
    *) echo "unknown option: $arg (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done

property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }
kc_version=$(property keycloak.server.version)    # the server (distribution zip)
tf_version=$(property keycloak.version)           # the test framework (its remote providers)
repo=${MAVEN_REPO:-$HOME/.m2/repository}
zip=$repo/org/keycloak/keycloak-quarkus-dist/$kc_version/keycloak-quarkus-dist-$kc_version.zip
remote_providers=$repo/org/keycloak/testframework/keycloak-test-framework-remote-providers/$tf_version/keycloak-test-framework-remote-providers-$tf_version.jar
pack=$(ls "$root"/pack/target/kundkonto-*.jar 2>/dev/null | head -1 || true)
test_providers=$(ls "$root"/test-providers/target/kundkonto-test-providers-*.jar 2>/dev/null | grep -v -- '-tests\.jar$' | head -1 || true)
seed=$root/realm-export/registry/kundregister-demo.sql

for f in "$zip" "$remote_providers" "$pack" "$test_providers"; do
  if [ -z "$f" ] || [ ! -f "$f" ]; then
    echo "missing: ${f:-a jar under pack/target or test-providers/target}" >&2
    echo "build first: ./mvnw -B -ntp package -pl pack,test-providers,integration-tests -am -DskipTests" >&2
    exit 1
  fi
done

for port in 8080 9000; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (the demo, a test run or another dev server): stop that first" >&2
    exit 1
  fi
done

base=$root/integration-tests/target/dev-server
home=$base/keycloak-$kc_version
if [ ! -x "$home/bin/kc.sh" ]; then
  mkdir -p "$base"
  (cd "$base" && unzip -q "$zip")
fi

# Copies, as the framework makes them: a build (e.g. an IT run with -am) rewrites the jars under target/
# while this server runs; the next start of this script deploys them (start-dev re-augments when they changed).
mkdir -p "$home/providers"
rm -f "$home"/providers/*.jar
cp -p "$pack" "$home/providers/se.kundkonto__kundkonto.jar"
cp -p "$test_providers" "$home/providers/se.kundkonto__kundkonto-test-providers.jar"
cp -p "$remote_providers" "$home/providers/org.keycloak.testframework__keycloak-test-framework-remote-providers.jar"

# A folder theme of the same name wins over the jar's (folder themes have the higher provider priority).
rm -rf "$home/themes/kundkonto"
if $themes; then
  t=$home/themes/kundkonto
  mkdir -p "$t/account"
  # every file a link to its source (cp -s): edits show at once; a file added later needs a restart of this script
  cp -rs "$root/themes/src/main/resources/theme/kundkonto/login" "$t/login"
  cp -rs "$root/themes/src/main/resources/theme/kundkonto/email" "$t/email"
  # the flow steps' pages: a template in the theme wins over the jar's theme-resources of the same name
  for f in "$root"/authenticators/src/main/resources/theme-resources/templates/*.ftl; do
    ln -sfn "$f" "$t/login/$(basename "$f")"
  done
  mkdir -p "$t/login/resources/js"
  for f in "$root"/authenticators/src/main/resources/theme-resources/resources/js/*; do
    ln -sfn "$f" "$t/login/resources/js/$(basename "$f")"
  done
  # the account console: theme.properties and texts from the source, the Vite build output from target/
  # (npm run build -- --watch in account-console/ keeps it current)
  console=$root/account-console
  ln -sfn "$console/src/main/resources/theme/kundkonto/account/theme.properties" "$t/account/theme.properties"
  ln -sfn "$console/src/main/resources/theme/kundkonto/account/messages" "$t/account/messages"
  mkdir -p "$console/target/classes/theme/kundkonto/account/resources"
  ln -sfn "$console/target/classes/theme/kundkonto/account/resources" "$t/account/resources"
fi

args=(start-dev
  # from the test framework (KeycloakServerConfigBuilder, the distribution server and the dev-mem database)
  --cache=local --log=console --db=dev-mem
  --bootstrap-admin-client-id=temp-admin --bootstrap-admin-client-secret=mysecret
  --bootstrap-admin-username=admin --bootstrap-admin-password=admin
  --shutdown-delay=0s --shutdown-timeout=1s
  # from KundkontoServerConfig and RegistryDatabase (H2 registry seeded with the demo customers)
  --db-kind-kundregister=dev-mem
  "--db-url-full-kundregister=jdbc:h2:mem:kundregister;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '$seed' CHARSET 'UTF-8'"
  --db-username-kundregister=sa --db-password-kundregister=sa
  --health-enabled=true --metrics-enabled=true
  --log-level-se.kundkonto=DEBUG
)
if $themes; then
  # start-dev already has these as defaults; named so that the same works after `start`
  args+=(--spi-theme--cache-themes=false --spi-theme--cache-templates=false --spi-theme--static-max-age=-1)
fi
if $import_realm; then
  mkdir -p "$home/data/import"
  cp "$root/realm-export/kundportal-realm.json" "$home/data/import/"
  args+=(--import-realm)
else
  rm -f "$home/data/import/kundportal-realm.json"
fi

echo "dev server: $home/bin/kc.sh ${args[*]}"
exec "$home/bin/kc.sh" "${args[@]}"
