import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  plugins: [react(), tailwindcss()],
  build: { target: "es2022" },
  server: { proxy: { "/api": "http://localhost:8080", "/actuator": "http://localhost:8080" } },
});
