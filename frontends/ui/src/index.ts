export { PageShell } from "./PageShell";
export { StatusPanel } from "./StatusPanel";
