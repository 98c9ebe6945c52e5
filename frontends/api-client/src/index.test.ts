import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiFetch } from "./index";

function answer(status: number, body: unknown) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { status })));
}

afterEach(() => vi.unstubAllGlobals());

describe("apiFetch", () => {
  it("unwraps data from a successful envelope", async () => {
    answer(200, { success: true, data: { slotId: "s1" } });
    await expect(apiFetch<{ slotId: string }>("/api/x")).resolves.toEqual({ slotId: "s1" });
  });

  it("throws the server's code and status on failure", async () => {
    answer(409, { success: false, error: { code: "slot_full", message: "The slot is fully booked" } });
    const failure = await apiFetch("/api/x").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 409, code: "slot_full", message: "The slot is fully booked" });
  });
});
