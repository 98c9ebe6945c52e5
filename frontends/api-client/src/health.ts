import { ApiError } from "./errors";

/** Spring Boot's health document: overall status and each component's (not part of the /api document). */
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
