import type { QueuedEntry } from "@illajwala/api-client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { WaitlistTable } from "./waitlist-table";

function entry(entryId: string, status: QueuedEntry["status"], extra: Partial<QueuedEntry> = {}): QueuedEntry {
  return {
    entryId,
    tenantId: "apollo",
    clinicId: "apollo-koramangala",
    doctorId: "dr-anika-mehta",
    patientId: "patient-meera-4b9e21",
    status,
    from: "2026-12-08",
    to: "2026-12-10",
    joinedAt: "2026-12-04T12:50:05Z",
    expiresAt: "2026-12-10T18:30:00Z",
    modes: ["clinic"],
    timesOfDay: [],
    urgent: false,
    ...extra,
  };
}

describe("the organisation's waitlist", () => {
  it("words statuses and dates for people, and offers no urgency to an entry already offered a seat", () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <WaitlistTable
          doctors={[]}
          entries={[
            entry("e-1", "pending", { position: 1 }),
            entry("e-2", "promoted", {
              from: "2026-12-09",
              to: "2026-12-09",
              offer: { slotId: "s-1", start: "2026-12-09T04:30:00Z", expiresAt: "2026-12-04T13:05:00Z" },
            }),
          ]}
        />
      </QueryClientProvider>,
    );
    const [waiting, offered] = screen.getAllByTestId("waitlist-entry");
    if (waiting === undefined || offered === undefined) {
      throw new Error("two rows expected");
    }
    expect(within(waiting).getByTestId("waitlist-status").textContent).toBe("Waiting");
    expect(within(waiting).getByText("Patient 4B9E21")).toBeTruthy();
    expect(within(waiting).getByText("Tue, 8 Dec – Thu, 10 Dec")).toBeTruthy();
    expect(within(waiting).getByRole("button", { name: "Mark urgent" })).toBeTruthy();
    expect(within(offered).getByTestId("waitlist-status").textContent).toBe("Offered a seat");
    expect(within(offered).getByText("Wed, 9 Dec")).toBeTruthy();
    expect(within(offered).queryByRole("button", { name: "Mark urgent" })).toBeNull();
    expect(within(offered).getByRole("button", { name: "Take off" })).toBeTruthy();
    expect(screen.queryByText(/promoted|2026-12-08/)).toBeNull();
  });
});
