import type { Booking, ClinicDocument, DoctorProfile } from "@illajwala/api-client";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../../../testing/render";
import { BookingConfirmation } from "./booking-confirmation";

const booking: Booking = {
  appointmentId: "3f2a9c1e-7b4d-4c1a-9e2f-000000000001",
  tenantId: "apollo",
  slotId: "s-1000",
  doctorId: "dr-rahul-iyer",
  clinicId: "apollo-koramangala",
  patientId: "patient-1",
  dependentId: null,
  start: "2026-12-08T04:30:00Z",
  end: "2026-12-08T05:00:00Z",
  timezone: "Asia/Kolkata",
  mode: "clinic",
  status: "confirmed",
};

const doctor = { doctorId: "dr-rahul-iyer", name: "Dr Rahul Iyer", fee: 800, currency: "INR" } as DoctorProfile;

const clinic = {
  id: "apollo-koramangala",
  name: "Apollo Koramangala",
  timezone: "Asia/Kolkata",
  address: { line1: "80 Feet Road", line2: null, city: "Bengaluru", postalCode: "560034", state: null, country: "IN" },
} as ClinicDocument;

describe("You are booked", () => {
  it("gives the reference, fee, address with a map, a calendar file and says a confirmation was sent", () => {
    renderWithApp(
      <BookingConfirmation booking={booking} doctor={doctor} clinic={clinic} channels={["email", "sms"]} />,
    );
    expect(screen.getByRole("heading", { name: "You are booked" })).toBeTruthy();
    expect(screen.getByTestId("booking-reference").textContent).toBe("3F2A9C1E");
    expect(screen.getByTestId("booked-fee").textContent).toBe("₹800, paid at the clinic");
    expect(screen.getByText(/80 Feet Road, Bengaluru 560034/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open in maps" }).getAttribute("href")).toBe(
      "https://www.google.com/maps/search/?api=1&query=Apollo%20Koramangala%2C%2080%20Feet%20Road%2C%20Bengaluru%20560034",
    );
    const calendar = screen.getByRole("link", { name: "Add to calendar" });
    expect(calendar.getAttribute("download")).toBe("illajwala-3F2A9C1E.ics");
    const ics = decodeURIComponent(
      calendar.getAttribute("href")?.replace("data:text/calendar;charset=utf-8,", "") ?? "",
    );
    expect(ics).toContain("DTSTART:20261208T043000Z");
    expect(ics).toContain("SUMMARY:Appointment with Dr Rahul Iyer");
    expect(screen.getByTestId("confirmation-sent").textContent).toBe(
      "We have sent you a confirmation by Email and SMS.",
    );
  });

  it("does not claim a confirmation before an online payment arrives", () => {
    renderWithApp(
      <BookingConfirmation
        booking={{
          ...booking,
          status: "pending",
          payment: { amountMinor: 80000, currency: "INR", keyId: "k", orderId: "o", provider: "razorpay" },
        }}
        doctor={doctor}
        clinic={clinic}
        channels={["email"]}
      />,
    );
    expect(screen.getByRole("heading", { name: "Almost done: pay to confirm" })).toBeTruthy();
    expect(screen.queryByTestId("confirmation-sent")).toBeNull();
    expect(screen.getByTestId("booked-fee").textContent).toBe("₹800, paid online");
  });
});
