import { ToastProvider } from "@illajwala/ui";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router-dom";
import { LanguageProvider } from "../lib/i18n/context";
import type { Language } from "../lib/i18n/messages";

/** Renders a component with what the app gives every page: queries, language, routing, notices. */
export function renderWithApp(
  ui: ReactElement,
  { language = "en", path = "/" }: { language?: Language; path?: string } = {},
): RenderResult {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={queries}>
      <LanguageProvider language={language}>
        <MemoryRouter initialEntries={[path]}>
          <ToastProvider closeLabel="Close" label="Notifications">
            {ui}
          </ToastProvider>
        </MemoryRouter>
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

/** Answers every fetch with the given status and body, recording the requests. */
export function answerWith(status: number, body: unknown, headers: Record<string, string> = {}) {
  const requests: Request[] = [];
  const fetch = async (input: Request | string, init?: RequestInit) => {
    requests.push(input instanceof Request ? input : new Request(input, init));
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
  };
  return { fetch, requests };
}
