// ESLint (flat config): TypeScript, React hooks and accessibility (jsx-a11y) rules for the console's sources;
// formatting is Prettier's (.prettierrc.json), so eslint-config-prettier comes last and turns the style rules off.
// `npm run lint` runs ESLint and `prettier --check` (Maven runs it in the build), `npm run format` fixes both.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { defineConfig, globalIgnores } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["node_modules/", "target/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [jsxA11y.flatConfigs.strict, reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    settings: {
      // PatternFly components that render one plain element, so jsx-a11y checks them as that element.
      "jsx-a11y": {
        components: {
          Button: "button",
          Form: "form",
          FormSelect: "select",
          FormSelectOption: "option",
          Table: "table",
          Tbody: "tbody",
          Td: "td",
          TextInput: "input",
          Th: "th",
          Thead: "thead",
          Title: "h2",
          Tr: "tr",
        },
      },
    },
    rules: {
      // useLoad (shared.tsx) takes its dependencies like useEffect: check them at every call.
      "react-hooks/exhaustive-deps": ["error", { additionalHooks: "^useLoad$" }],
    },
  },
  {
    files: ["tools/**/*.mjs", "*.config.{js,ts}"],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
