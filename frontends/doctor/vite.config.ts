import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The dev server proxies the API to the platform: PLATFORM_URL, or the README's http://localhost:8080. */
const platform = process.env.PLATFORM_URL ?? "http://localhost:8080";

export default defineConfig({
  base: "/doctor/",
  plugins: [react(), tailwindcss()],
  build: { target: "es2022" },
  server: { proxy: { "/api": platform, "/actuator": platform } },
});
