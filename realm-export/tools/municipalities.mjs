// Writes the 290 municipalities from data/municipalities.csv (SCB codes) into the user-profile
// attribute "municipalities" of kundportal-realm.json: the codes as the validator's options, the
// names as the multiselect's labels. Run after the CSV changes:  node realm-export/tools/municipalities.mjs
// (MunicipalitiesInRealmTest fails while the two disagree.)
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rows = readFileSync(join(root, "data/municipalities.csv"), "utf8").trim().split("\n").slice(1)
  .map((line) => line.split(","))
  .map(([code, name]) => ({ code: code.trim(), name: name.trim() }))
  .sort((a, b) => a.name.localeCompare(b.name, "sv"));

const realmFile = join(root, "kundportal-realm.json");
const realm = JSON.parse(readFileSync(realmFile, "utf8"));
const component = realm.components["org.keycloak.userprofile.UserProfileProvider"][0];
const profile = JSON.parse(component.config["kc.user.profile.config"][0]);

const attribute = {
  name: "municipalities",
  displayName: "${kundkontoMunicipalities}",
  // Keycloak's own "options" validator: the account console, the admin console and the login pages all
  // take a multiselect's choices from it, and it refuses any other code.
  validations: {
    options: { options: rows.map((r) => r.code) },
    multivalued: { max: String(rows.length) },
  },
  annotations: {
    inputType: "multiselect",
    inputOptionsFromValidation: "options",
    inputOptionLabels: Object.fromEntries(rows.map((r) => [r.code, r.name])),
    inputHelperTextBefore: "${kundkontoMunicipalitiesHelp}",
  },
  permissions: { view: ["admin", "user"], edit: ["admin", "user"] },
  // Not "multivalued": Keycloak's consoles would then show free-text boxes instead of the multiselect.
  // Several values are still allowed: the explicit "multivalued" validator above replaces the implicit max 1.
  multivalued: false,
};
const at = profile.attributes.findIndex((a) => a.name === attribute.name);
if (at >= 0) profile.attributes[at] = attribute;
else profile.attributes.push(attribute);

component.config["kc.user.profile.config"][0] = JSON.stringify(profile);
writeFileSync(realmFile, JSON.stringify(realm, null, 2) + "\n");
console.log(`municipalities: ${rows.length} written to ${realmFile}`);
