import type { SlotView } from "@illajwala/api-client";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerWith, renderWithApp } from "../../../testing/render";
import { ConfirmBookingForm, defaultMode } from "./confirm-booking-form";

afterEach(() => vi.unstubAllGlobals());

const slot: SlotView = {
  slotId: "s-0900",
  tenantId: "apollo",
  doctorId: "dr-anika-mehta",
  clinicId: "apollo-koramangala",
  start: "2026-12-01T03:30:00Z",
  end: "2026-12-01T04:00:00Z",
  timezone: "Asia/Kolkata",
  localDate: "2026-12-01",
  capacity: 1,
  seatsBooked: 0,
  seatsHeld: 1,
  modes: ["clinic", "telehealth"],
  status: "held",
  version: 3,
};

const dependents = [{ id: "dep-1", name: "Meera", relationship: "child", dateOfBirth: "2019-04-02" }];

describe("ConfirmBookingForm", () => {
  it("keeps the reason short", async () => {
    const platform = answerWith(201, {});
    vi.stubGlobal("fetch", vi.fn(platform.fetch));
    renderWithApp(<ConfirmBookingForm slot={slot} dependents={dependents} onBooked={vi.fn()} onTaken={vi.fn()} />);
    await userEvent.click(screen.getByLabelText("Reason for the visit (optional)"));
    await userEvent.paste("x".repeat(501));
    await userEvent.click(screen.getByRole("button", { name: "Book appointment" }));
    expect(await screen.findByText("Use at most 500 characters.")).toBeTruthy();
    expect(platform.requests).toHaveLength(0);
  });

  it("books with one press: for the patient, at the clinic, paying there", async () => {
    const platform = answerWith(201, {
      success: true,
      data: { appointmentId: "a-1", doctorId: "dr-anika-mehta", status: "confirmed" },
    });
    vi.stubGlobal("fetch", vi.fn(platform.fetch));
    const onBooked = vi.fn();
    renderWithApp(
      <ConfirmBookingForm
        slot={{ ...slot, modes: ["telehealth", "clinic"] }}
        dependents={dependents}
        onBooked={onBooked}
        onTaken={vi.fn()}
      />,
    );
    expect(screen.getByRole("radio", { name: /At the clinic/ }).getAttribute("aria-checked")).toBe("true");
    await userEvent.click(screen.getByRole("button", { name: "Book appointment" }));
    await vi.waitFor(() => expect(onBooked).toHaveBeenCalled());
    expect(await platform.requests[0]?.json()).toEqual({ slotId: "s-0900", mode: "clinic", payment: "at_clinic" });
  });

  it("chooses the only way a time offers when it is not the clinic", () => {
    expect(defaultMode(["telehealth"])).toBe("telehealth");
    expect(defaultMode(["home_visit", "clinic"])).toBe("clinic");
    expect(defaultMode([])).toBe("");
  });

  it("books for the dependent chosen, the way chosen, with the reason", async () => {
    const platform = answerWith(201, {
      success: true,
      data: { appointmentId: "a-1", doctorId: "dr-anika-mehta", status: "confirmed" },
    });
    vi.stubGlobal("fetch", vi.fn(platform.fetch));
    const onBooked = vi.fn();
    renderWithApp(<ConfirmBookingForm slot={slot} dependents={dependents} onBooked={onBooked} onTaken={vi.fn()} />);
    await userEvent.click(screen.getByRole("radio", { name: /Meera/ }));
    await userEvent.click(screen.getByRole("radio", { name: /Video call/ }));
    await userEvent.type(screen.getByLabelText("Reason for the visit (optional)"), "Follow-up on blood test");
    await userEvent.click(screen.getByRole("button", { name: "Book appointment" }));
    await vi.waitFor(() => expect(onBooked).toHaveBeenCalled());
    expect(await platform.requests[0]?.json()).toEqual({
      slotId: "s-0900",
      mode: "telehealth",
      payment: "at_clinic",
      dependentId: "dep-1",
      reason: "Follow-up on blood test",
    });
  });

  it("hands a time taken meanwhile back to the page, which offers others", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        answerWith(409, { success: false, error: { code: "slot_full", message: "The slot is fully booked" } }).fetch,
      ),
    );
    const onTaken = vi.fn();
    renderWithApp(
      <ConfirmBookingForm slot={{ ...slot, modes: ["clinic"] }} dependents={[]} onBooked={vi.fn()} onTaken={onTaken} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Book appointment" }));
    await vi.waitFor(() => expect(onTaken).toHaveBeenCalled());
  });

  it("moves to paying at the clinic when online payment is not available, and says why", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        answerWith(422, {
          success: false,
          error: { code: "online_payment_unavailable", message: "Online payment is not available" },
        }).fetch,
      ),
    );
    renderWithApp(
      <ConfirmBookingForm slot={{ ...slot, modes: ["clinic"] }} dependents={[]} onBooked={vi.fn()} onTaken={vi.fn()} />,
    );
    await userEvent.click(screen.getByRole("radio", { name: /Pay online now/ }));
    await userEvent.click(screen.getByRole("button", { name: "Book appointment" }));
    expect(
      await screen.findByText("Online payment is not available right now. You can pay at the clinic."),
    ).toBeTruthy();
    expect(screen.getByRole("radio", { name: /Pay at the clinic/ }).getAttribute("aria-checked")).toBe("true");
  });
});
