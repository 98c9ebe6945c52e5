import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { PageShell } from "./PageShell";

/** Renders an app into index.html's #root with the providers every app shares. */
export function mountApp(title: string, content: ReactNode) {
  const root = document.getElementById("root");
  if (root === null) {
    throw new Error("index.html has no #root");
  }
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <PageShell title={title}>{content}</PageShell>
      </QueryClientProvider>
    </StrictMode>,
  );
}
