/** The platform's response envelope. Types will be generated from /v3/api-docs (issue 8). */
export interface ApiEnvelope<T> {
  success: boolean;
  data?: T;
  error?: { code: string; message: string; details?: unknown };
  message?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Fetches an API route and unwraps the envelope, throwing ApiError on any failure. */
export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { Accept: "application/json", ...(init?.headers ?? {}) },
  });
  const envelope = (await response.json().catch(() => null)) as ApiEnvelope<T> | null;
  if (!response.ok || envelope === null || !envelope.success) {
    throw new ApiError(
      response.status,
      envelope?.error?.code ?? "http_" + response.status,
      envelope?.error?.message ?? response.statusText,
      envelope?.error?.details,
    );
  }
  return envelope.data as T;
}

/** Spring Boot's health document: overall status and each component's. */
export interface Health {
  status: string;
  components?: Record<string, { status: string }>;
}

export async function fetchHealth(): Promise<Health> {
  const response = await fetch("/actuator/health", { headers: { Accept: "application/json" } });
  // A DOWN platform answers 503 with the same document.
  const body = (await response.json().catch(() => null)) as Health | null;
  if (body === null) {
    throw new ApiError(response.status, "health_unreadable", "The platform did not answer");
  }
  return body;
}
