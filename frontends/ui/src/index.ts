export { PageShell } from "./PageShell";
export { StatusPanel } from "./StatusPanel";
export { mountApp } from "./mountApp";
