import type { AppointmentView, ClinicDocument } from "@illajwala/api-client";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../../../testing/render";
import { AppointmentCard } from "./appointment-card";

const clinic = {
  id: "apollo-koramangala",
  name: "Apollo Koramangala",
  bookingPolicy: { cancellationNoticeHours: 2, reminderHoursBefore: [24] },
  contact: { phone: "+918040001000", email: "desk@apollo.test" },
} as ClinicDocument;

function appointmentIn(hours: number): AppointmentView {
  const start = new Date(Date.now() + hours * 3_600_000);
  return {
    appointmentId: "3f2a9c1e-7b4d-4c1a-9e2f-000000000001",
    doctorId: "dr-rahul-iyer",
    clinicId: "apollo-koramangala",
    start: start.toISOString(),
    end: new Date(start.getTime() + 1_800_000).toISOString(),
    timezone: "Asia/Kolkata",
    mode: "clinic",
    status: "confirmed",
  } as AppointmentView;
}

function renderCard(hours: number, language: "en" | "hi" = "en") {
  renderWithApp(
    <ul>
      <AppointmentCard
        appointment={appointmentIn(hours)}
        clinic={clinic}
        doctorName="Dr Rahul Iyer"
        forName={undefined}
      />
    </ul>,
    { language },
  );
}

describe("an upcoming appointment", () => {
  it("says why its time can no longer be changed online, and how to change it", () => {
    renderCard(1);
    const change = screen.getByRole("button", { name: "Change time" });
    expect(change.hasAttribute("disabled")).toBe(true);
    const reason = screen.getByTestId("change-closed");
    expect(change.getAttribute("aria-describedby")).toBe(reason.id);
    expect(reason.textContent).toBe(
      "Online changes close 2 hours before the appointment. To change it, call Apollo Koramangala on +918040001000.",
    );
  });

  it("can be moved before the clinic's notice period, with nothing to explain", () => {
    renderCard(26);
    expect(screen.getByRole("button", { name: "Change time" }).hasAttribute("disabled")).toBe(false);
    expect(screen.queryByTestId("change-closed")).toBeNull();
    expect(screen.getByText("Reference 3F2A9C1E")).toBeTruthy();
  });

  it("says it in Hindi too", () => {
    renderCard(1, "hi");
    expect(screen.getByTestId("change-closed").textContent).toContain("2 घंटे पहले");
  });
});
