import { unwrap, type SlotSeatHeld } from "@illajwala/api-client";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";

/** A seat held for the patient while they check out (10 minutes by default); nobody else can take it meanwhile. */
export async function holdSlot(slotId: string): Promise<SlotSeatHeld> {
  const held = await unwrap(api.POST("/api/slots/{slotId}/hold", { params: { path: { slotId } } }));
  rememberHold(held);
  return held;
}

export function useHoldSlot() {
  return useMutation({ mutationFn: holdSlot });
}

const KEY = "illajwala.hold.";

/**
 * Holding again answers the same hold without its expiry, so the expiry of the first answer is
 * kept for the page that shows the countdown (in this tab only).
 */
function rememberHold(held: SlotSeatHeld): void {
  if (held.expiresAt === null) {
    return;
  }
  try {
    sessionStorage.setItem(KEY + held.slotId, held.expiresAt);
  } catch {
    // without storage the countdown is not shown after a reload; the hold itself stands
  }
}

export function holdExpiry(slotId: string): string | null {
  try {
    return sessionStorage.getItem(KEY + slotId);
  } catch {
    return null;
  }
}
