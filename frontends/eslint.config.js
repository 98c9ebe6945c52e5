import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import path from "node:path";
import tseslint from "typescript-eslint";

/**
 * Features never import one another, nor the app that composes them (shared → features → app, as
 * in bulletproof-react): a page in src/app puts features side by side.
 */
const featureBoundaries = {
  meta: { type: "problem", docs: { description: "keep features independent of each other and of the app" } },
  create(context) {
    const file = context.filename;
    const match = /^(.*\/src)\/features\/([^/]+)\//.exec(file);
    if (match === null) {
      return {};
    }
    const [, sourceRoot, feature] = match;
    const check = (node) => {
      const target = node.source.value;
      if (typeof target !== "string" || !target.startsWith(".")) {
        return;
      }
      const resolved = path.resolve(path.dirname(file), target);
      const inFeatures = /\/src\/features\/([^/]+)/.exec(resolved);
      if (inFeatures !== null && resolved.startsWith(sourceRoot + "/") && inFeatures[1] !== feature) {
        context.report({
          node,
          message: `features/${feature} may not import features/${inFeatures[1]}: compose them in src/app`,
        });
      }
      if (resolved.startsWith(sourceRoot + "/app/") || resolved === sourceRoot + "/app") {
        context.report({ node, message: `features/${feature} may not import src/app` });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: (node) => node.source && check(node),
      ExportAllDeclaration: check,
    };
  },
};

export default tseslint.config(
  { ignores: ["**/dist/**", "**/generated/**", "**/node_modules/**", "target/**", "e2e-artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.mjs", "e2e/*.mjs", "*/vite.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser },
    },
    plugins: { "react-hooks": reactHooks, illajwala: { rules: { "feature-boundaries": featureBoundaries } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "illajwala/feature-boundaries": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // fetch stubs answer at once
    files: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**"],
    rules: { "@typescript-eslint/require-await": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js", "*.config.ts", "**/vite.config.ts"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
);
