/**
 * The consistency token of the patient's last write on an appointment (booking, cancelling,
 * rescheduling, accepting an offer), or of the last change their live stream announced. The next
 * read of the appointments sends it, and the platform answers only once its read model has that
 * change: the patient always sees what they just did or were just told.
 */
let pending: string | null = null;

/** The tokens of the writes made in this tab: their echo on the live stream is news to nobody. */
const own = new Set<string>();

export function rememberWrite(token: string | null): void {
  if (token !== null) {
    pending = token;
    own.add(token);
  }
}

/** A change heard on the live stream: the next read waits for it too, as the stream can be ahead of the read model. */
export function awaitChange(token: string | null): void {
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

/** Whether a change heard on the live stream is one the patient made here (a token is `{aggregateId}:{sequence}`). */
export function isOwnWrite(token: string | null): boolean {
  return token !== null && own.has(token);
}
