import { createApi, Session } from "@illajwala/api-client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StaffSignIn } from "./StaffSignIn";

afterEach(() => vi.unstubAllGlobals());

function renderSignIn(session: Session) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <StaffSignIn
        api={createApi(session, "http://apollo.localhost")}
        session={session}
        title="Sign in"
        ended={false}
      />
    </QueryClientProvider>,
  );
}

describe("the staff sign-in", () => {
  it("says which field is missing before anything is sent", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    renderSignIn(new Session({ baseUrl: "http://apollo.localhost" }));
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter your email")).toBeTruthy();
    expect(screen.getByText("Enter your password")).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the platform's refusal, and starts no session", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              success: false,
              error: { code: "invalid_credentials", message: "Wrong email or password" },
            }),
            { status: 401, headers: { "Content-Type": "application/json" } },
          ),
      ),
    );
    const session = new Session({ baseUrl: "http://apollo.localhost" });
    renderSignIn(session);
    await userEvent.type(screen.getByLabelText("Email"), "admin@apollo.test");
    await userEvent.type(screen.getByLabelText("Password"), "not-the-password");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Wrong email or password");
    expect(session.accessToken()).toBeNull();
  });
});
