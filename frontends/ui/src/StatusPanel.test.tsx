import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StatusPanel } from "./StatusPanel";

function renderPanel() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <StatusPanel />
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("StatusPanel", () => {
  it("shows the status of every component", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ status: "DOWN", components: { kafka: { status: "UP" }, mongo: { status: "DOWN" } } }),
            { status: 503 },
          ),
      ),
    );
    renderPanel();
    expect(await screen.findByText("kafka: UP")).toBeTruthy();
    expect(screen.getByText("mongo: DOWN")).toBeTruthy();
    expect(screen.getByText("DOWN")).toBeTruthy();
  });

  it("says so when the platform cannot be reached", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("network down");
      }),
    );
    renderPanel();
    expect((await screen.findByRole("alert")).textContent).toContain("cannot be reached");
  });
});
