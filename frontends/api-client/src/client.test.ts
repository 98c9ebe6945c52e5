import { afterEach, describe, expect, it, vi } from "vitest";
import { createApi, unwrap } from "./client";
import { ApiError } from "./errors";
import { Session, type SessionView } from "./session";

const BASE = "http://localhost";

function sessionView(accessToken: string): SessionView {
  return {
    accessToken,
    tokenType: "Bearer",
    expiresIn: 900,
    user: {
      id: "patient-asha",
      name: "Asha Rao",
      email: "asha@example.test",
      phone: null,
      role: "patient",
      tenantId: "platform",
      clinicId: null,
    },
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("the API client", () => {
  it("refreshes an expired access token without the caller noticing, and repeats the request", async () => {
    const seen: string[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: Request | string) => {
        const request = input instanceof Request ? input : new Request(input);
        seen.push(new URL(request.url).pathname + " " + (request.headers.get("Authorization") ?? "-"));
        if (request.url.endsWith("/api/auth/refresh")) {
          return json(200, { success: true, data: sessionView("fresh") });
        }
        return request.headers.get("Authorization") === "Bearer fresh"
          ? json(200, { success: true, data: [] })
          : json(401, { success: false, error: { code: "invalid_token", message: "The token has expired" } });
      }),
    );
    const session = new Session({ baseUrl: BASE });
    session.begin(sessionView("stale"));
    const api = createApi(session, BASE);

    await expect(unwrap(api.GET("/api/appointments"))).resolves.toEqual([]);
    expect(seen).toEqual(["/api/appointments Bearer stale", "/api/auth/refresh -", "/api/appointments Bearer fresh"]);
    expect(session.getState()).toMatchObject({ status: "signed-in" });
  });

  it("ends the session, saying so, when the refresh token is no good any more", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        json(401, { success: false, error: { code: "invalid_refresh_token", message: "Sign in again" } }),
      ),
    );
    const session = new Session({ baseUrl: BASE });
    session.begin(sessionView("stale"));
    const api = createApi(session, BASE);

    const failure = await unwrap(api.GET("/api/appointments")).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(session.getState()).toEqual({ status: "signed-out", ended: true });
    expect(session.accessToken()).toBeNull();
  });

  it("does not treat a wrong password as an expired session", async () => {
    const fetch = vi.fn(async () =>
      json(401, { success: false, error: { code: "invalid_credentials", message: "No" } }),
    );
    vi.stubGlobal("fetch", fetch);
    const session = new Session({ baseUrl: BASE });
    session.begin(sessionView("token"));
    const api = createApi(session, BASE);

    const failure = await unwrap(api.POST("/api/auth/login", { body: { email: "a@b.c", password: "x" } })).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ status: 401, code: "invalid_credentials" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("unwraps the envelope, and turns a failure into the platform's code, message and field problems", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        json(400, {
          success: false,
          error: {
            code: "validation_failed",
            message: "The request has invalid fields",
            details: [{ field: "slotId", message: "must not be blank" }],
          },
        }),
      ),
    );
    const api = createApi(new Session({ baseUrl: BASE }), BASE);
    const failure = await unwrap(api.POST("/api/appointments", { body: { slotId: "" } })).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).fieldProblem("slotId")).toBe("must not be blank");
  });
});

describe("the session", () => {
  it("refreshes a minute before the access token expires", async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(async () => json(200, { success: true, data: sessionView("next") }));
    vi.stubGlobal("fetch", fetch);
    const session = new Session({ baseUrl: BASE });
    session.begin(sessionView("first"));

    await vi.advanceTimersByTimeAsync(839_000);
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(session.accessToken()).toBe("next");
  });

  it("refreshes once for many requests refused at the same time", async () => {
    let refreshes = 0;
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        refreshes += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        return json(200, { success: true, data: sessionView("next") });
      }),
    );
    const session = new Session({ baseUrl: BASE });
    await Promise.all([session.refresh(), session.refresh(), session.refresh()]);
    expect(refreshes).toBe(1);
  });

  it("restores nothing, and says nothing, when there was no session", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        json(401, { success: false, error: { code: "invalid_refresh_token", message: "No refresh token was sent" } }),
      ),
    );
    const session = new Session({ baseUrl: BASE });
    await session.restore();
    expect(session.getState()).toEqual({ status: "signed-out", ended: false });
  });
});
