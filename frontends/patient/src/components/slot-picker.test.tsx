import type { SlotView } from "@illajwala/api-client";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../testing/render";
import { SlotPicker } from "./slot-picker";

/** 09:00 and 09:30 on Tuesday 1 December 2026 in Bengaluru (UTC+5:30), the second taken. */
function slots(): SlotView[] {
  const slot = (slotId: string, start: string, status: string): SlotView => ({
    slotId,
    tenantId: "apollo",
    doctorId: "dr-anika-mehta",
    clinicId: "apollo-koramangala",
    start,
    end: new Date(new Date(start).getTime() + 30 * 60_000).toISOString(),
    timezone: "Asia/Kolkata",
    localDate: "2026-12-01",
    capacity: 1,
    seatsBooked: status === "full" ? 1 : 0,
    seatsHeld: 0,
    modes: ["clinic"],
    status,
    version: 0,
  });
  return [slot("s-0900", "2026-12-01T03:30:00Z", "open"), slot("s-0930", "2026-12-01T04:00:00Z", "full")];
}

describe("SlotPicker", () => {
  it("shows times in the clinic's time zone and says which zone that is", () => {
    renderWithApp(
      <SlotPicker
        slots={slots()}
        timeZone="Asia/Kolkata"
        viewerTimeZone="Asia/Kolkata"
        selectedSlotId={null}
        onSelect={vi.fn()}
        label="Dr Anika Mehta"
      />,
    );
    expect(screen.getByRole("button", { name: "9:00 am" })).toBeTruthy();
    expect(screen.getByTestId("slot-timezone").textContent).toContain("Asia/Kolkata");
    expect(screen.getByTestId("slot-timezone").textContent).toContain("India Standard Time");
    expect(screen.getByTestId("slot-timezone").textContent).not.toContain("Your device");
  });

  it("says so when the reader's time zone differs, and gives the chosen time in theirs too", () => {
    renderWithApp(
      <SlotPicker
        slots={slots()}
        timeZone="Asia/Kolkata"
        viewerTimeZone="Europe/London"
        selectedSlotId="s-0900"
        onSelect={vi.fn()}
        label="Dr Anika Mehta"
      />,
    );
    expect(screen.getByTestId("slot-timezone").textContent).toContain(
      "Your device is set to Greenwich Mean Time (Europe/London)",
    );
    // 09:00 in Bengaluru is 03:30 in London in December
    expect(screen.getByTestId("slot-selected").textContent).toMatch(
      /Chosen: Tue, 1 Dec, 9:00 am clinic time\. That is Tue, 1 Dec, 3:30 am where you are\./,
    );
  });

  it("treats another name for the same zone as the same", () => {
    renderWithApp(
      <SlotPicker
        slots={slots()}
        timeZone="Asia/Kolkata"
        viewerTimeZone="Asia/Calcutta"
        selectedSlotId={null}
        onSelect={vi.fn()}
        label="Dr Anika Mehta"
      />,
    );
    expect(screen.getByTestId("slot-timezone").textContent).not.toContain("Your device");
  });

  it("lets the reader choose an open time but not a taken one", async () => {
    const onSelect = vi.fn();
    renderWithApp(
      <SlotPicker
        slots={slots()}
        timeZone="Asia/Kolkata"
        viewerTimeZone="Asia/Kolkata"
        selectedSlotId={null}
        onSelect={onSelect}
        label="Dr Anika Mehta"
      />,
    );
    const taken = screen.getByRole("button", { name: "9:30 am, taken" });
    expect((taken as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: "9:00 am" }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ slotId: "s-0900" }));
  });

  it("speaks Hindi too", () => {
    renderWithApp(
      <SlotPicker
        slots={slots()}
        timeZone="Asia/Kolkata"
        viewerTimeZone="Europe/London"
        selectedSlotId={null}
        onSelect={vi.fn()}
        label="Dr Anika Mehta"
      />,
      {
        language: "hi",
      },
    );
    expect(screen.getByTestId("slot-timezone").textContent).toContain("सभी समय क्लिनिक के हैं");
    expect(screen.getByTestId("slot-timezone").textContent).toContain("Europe/London");
  });
});
