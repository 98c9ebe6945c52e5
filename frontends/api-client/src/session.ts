import type { components } from "./generated/schema";

export type SessionView = components["schemas"]["SessionView"];
export type AccountView = components["schemas"]["AccountView"];

/**
 * Where the tab's sign-in stands. `ended` says a session this tab had was ended without the user
 * signing out (the refresh token expired or was revoked), so the app can say so.
 */
export type SessionState =
  { status: "restoring" } | { status: "signed-out"; ended: boolean } | { status: "signed-in"; user: AccountView };

export interface SessionOptions {
  baseUrl?: string;
  /** Refresh this long before the access token expires (default 60 s). */
  refreshMarginSeconds?: number;
  /** Retry a refresh that could not reach the platform after this long (default 15 s). */
  retryAfterSeconds?: number;
}

const REFRESH_LOCK = "illajwala-session-refresh";

/**
 * The access token lives here, in memory only; the refresh token is the platform's HttpOnly cookie
 * on /api/auth, which this code never sees. The token is refreshed shortly before it expires and
 * whenever a request is refused with 401, one refresh at a time (across tabs too, where the
 * browser has Web Locks: the platform revokes every session of a refresh token presented twice).
 */
export class Session {
  private token: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: Promise<boolean> | null = null;
  private state: SessionState = { status: "restoring" };
  private readonly listeners = new Set<() => void>();
  private readonly baseUrl: string;
  private readonly marginSeconds: number;
  private readonly retrySeconds: number;

  constructor(options: SessionOptions = {}) {
    this.baseUrl = options.baseUrl ?? "";
    this.marginSeconds = options.refreshMarginSeconds ?? 60;
    this.retrySeconds = options.retryAfterSeconds ?? 15;
  }

  readonly getState = (): SessionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  accessToken(): string | null {
    return this.token;
  }

  /** Starts a session from the answer of sign-in, registration, code verification or refresh. */
  begin(view: SessionView): void {
    this.token = view.accessToken;
    this.schedule(Math.max(5, view.expiresIn - this.marginSeconds));
    this.set({ status: "signed-in", user: view.user });
  }

  /** At start-up: a refresh cookie, if the browser has one, signs the tab in without a word. */
  async restore(): Promise<void> {
    await this.refresh();
  }

  /** A new access token from the refresh cookie; false when there is no session any more. */
  refresh(): Promise<boolean> {
    this.pending ??= this.exchange().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  async signOut(): Promise<void> {
    clearTimeout(this.timer);
    try {
      await fetch(this.baseUrl + "/api/auth/logout", { method: "POST", credentials: "same-origin" });
    } finally {
      this.token = null;
      this.set({ status: "signed-out", ended: false });
    }
  }

  /** The user has read that their session ended. */
  acknowledgeEnded(): void {
    if (this.state.status === "signed-out" && this.state.ended) {
      this.set({ status: "signed-out", ended: false });
    }
  }

  private async exchange(): Promise<boolean> {
    const wasSignedIn = this.state.status === "signed-in";
    let response: Response;
    try {
      response = await withLock(() =>
        fetch(this.baseUrl + "/api/auth/refresh", {
          method: "POST",
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        }),
      );
    } catch {
      // the platform cannot be reached: keep the session and try again
      if (wasSignedIn) {
        this.schedule(this.retrySeconds);
      } else {
        this.set({ status: "signed-out", ended: false });
      }
      return false;
    }
    const body = (await response.json().catch(() => null)) as { data?: SessionView } | null;
    if (response.ok && body?.data !== undefined) {
      this.begin(body.data);
      return true;
    }
    this.token = null;
    clearTimeout(this.timer);
    this.set({ status: "signed-out", ended: wasSignedIn });
    return false;
  }

  private schedule(seconds: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), seconds * 1000);
  }

  private set(state: SessionState): void {
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  if (locks === undefined) {
    return work();
  }
  return locks.request(REFRESH_LOCK, work) as Promise<T>;
}
