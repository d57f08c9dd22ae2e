import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Builds the account console straight into the theme's resources folder of the jar. Keycloak's
// AccountConsole reads resources/.vite/manifest.json to find the entry script and styles, and the
// inherited keycloak.v3 index.ftl loads them.
export default defineConfig({
  // Relative asset URLs: Keycloak serves the theme under a versioned path only known at runtime.
  base: "",
  // JSX through Vite's esbuild (automatic runtime, as in tsconfig.json); no dev server, so no React plugin.
  esbuild: { jsx: "automatic" },
  resolve: {
    alias: {
      // The package does not export its stylesheet (the bundled PatternFly and page styles), so point at the file.
      "@keycloak/keycloak-account-ui/style.css": fileURLToPath(
        new URL("node_modules/@keycloak/keycloak-account-ui/lib/keycloak-account-ui.css", import.meta.url),
      ),
    },
  },
  build: {
    outDir: "target/classes/theme/kundkonto/account/resources",
    emptyOutDir: true,
    manifest: true,
    target: "esnext",
    modulePreload: false,
    // Keycloak's pages and PatternFly make one big script, as in Keycloak's own build; it is cached by hash.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: "src/main/frontend/main.tsx",
      // Same as Keycloak's own build: React comes from the server's common resources through the
      // import map in index.ftl, so the console and Keycloak's vendor React are one and the same copy.
      external: ["react", "react/jsx-runtime", "react-dom"],
      // One script: index.ftl turns the manifest's "imports" into modulepreload links as if they were
      // file names, but for shared chunks they are chunk keys ("_index-….js") that would 404.
      output: { inlineDynamicImports: true },
      onwarn(warning, warn) {
        // React Router's "use client" marks are for server components; meaningless in this bundle.
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
