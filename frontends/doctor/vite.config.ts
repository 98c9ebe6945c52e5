import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/doctor/",
  plugins: [react()],
  server: { proxy: { "/api": "http://localhost:8080", "/actuator": "http://localhost:8080" } },
});
