/**
 * The consistency token of the last change the board heard of (from the live stream or its own
 * write). Every read of a board sends it: the platform answers once its view has that change, so
 * the board never redraws from a view that has not caught up with the event that moved it. A token
 * already reached costs nothing.
 */
let latest: string | null = null;

export function rememberChange(token: string | null): void {
  if (token !== null) {
    latest = token;
  }
}

export function latestChange(): string | null {
  return latest;
}
