/**
 * The consistency token of the patient's last write on an appointment (booking, cancelling,
 * rescheduling, accepting an offer). The next read of the appointments sends it, and the platform
 * answers only once its read model has that write: the patient always sees what they just did.
 */
let pending: string | null = null;

export function rememberWrite(token: string | null): void {
  if (token !== null) {
    pending = token;
  }
}

/** The token to send with the next read, once. */
export function takeWrite(): string | null {
  const token = pending;
  pending = null;
  return token;
}
