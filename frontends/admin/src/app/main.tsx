import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PageShell, StatusPanel } from "@illajwala/ui";

const root = document.getElementById("root");
if (root === null) {
  throw new Error("index.html has no #root");
}
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <PageShell title="Illajwala — Admin">
        <StatusPanel />
      </PageShell>
    </QueryClientProvider>
  </StrictMode>,
);
