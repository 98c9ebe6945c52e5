import type { DoctorProfileDocument } from "@illajwala/api-client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { VerificationQueue } from "./verification-queue";

afterEach(() => vi.unstubAllGlobals());

const doctor = {
  id: "dr-test",
  name: "Dr Test",
  tenantId: "apollo",
  specialization: "general medicine",
  qualifications: ["MBBS"],
  registrationNumber: "REG-1",
  createdAt: "2026-12-01T10:00:00Z",
} as DoctorProfileDocument;

describe("rejecting a doctor", () => {
  it("asks for confirmation and a reason, and sends the reason with the decision", async () => {
    const requests: Request[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (request: Request) => {
        requests.push(request);
        return new Response(JSON.stringify({ success: true, data: {} }), {
          status: 200,
          headers: { "Content-Type": "application/json" },
        });
      }),
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <VerificationQueue doctors={[doctor]} />
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Reject Dr Test" }));
    const dialog = await screen.findByRole("dialog", { name: "Reject Dr Test?" });
    expect(requests).toHaveLength(0);
    await userEvent.click(screen.getByRole("button", { name: "Reject doctor" }));
    expect(await screen.findByText("Say why, for the organisation that onboarded them.")).toBeTruthy();
    expect(requests).toHaveLength(0);
    await userEvent.type(screen.getByLabelText("Reason"), "Registration number not found in the NMC register");
    await userEvent.click(screen.getByRole("button", { name: "Reject doctor" }));
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(new URL(requests[0]?.url ?? "").pathname).toBe("/api/doctors/dr-test/verification");
    expect(await requests[0]?.json()).toEqual({
      decision: "rejected",
      note: "Registration number not found in the NMC register",
    });
    await vi.waitFor(() => expect(dialog.isConnected).toBe(false));
  });

  it("keeps the doctor in the queue when the admin thinks again", async () => {
    vi.stubGlobal("fetch", vi.fn());
    render(
      <QueryClientProvider client={new QueryClient()}>
        <VerificationQueue doctors={[doctor]} />
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Reject Dr Test" }));
    await userEvent.click(await screen.findByRole("button", { name: "Keep in the queue" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
