import type { DoctorView, SlotView } from "@illajwala/api-client";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerWith, renderWithApp } from "../../../testing/render";
import { DoctorCard } from "./doctor-card";

afterEach(() => vi.unstubAllGlobals());

const doctor: DoctorView = {
  doctorId: "dr-rahul-iyer",
  tenantId: "apollo",
  name: "Dr Rahul Iyer",
  specialization: "dermatology",
  clinicIds: ["apollo-koramangala"],
  cities: ["Bengaluru"],
  languages: ["en", "hi"],
  modes: ["clinic"],
  fee: 800,
  currency: "INR",
  nextAvailable: "2026-12-08T04:30:00Z",
  verified: true,
  version: 1,
};

function slot(slotId: string, start: string): SlotView {
  return {
    slotId,
    tenantId: "apollo",
    doctorId: "dr-rahul-iyer",
    clinicId: "apollo-koramangala",
    start,
    end: start,
    timezone: "Asia/Kolkata",
    localDate: "2026-12-08",
    capacity: 1,
    seatsBooked: 0,
    seatsHeld: 0,
    modes: ["clinic"],
    status: "open",
    version: 1,
  };
}

function renderCard(language: "en" | "hi" = "en") {
  const nextSlots = [
    slot("s-1000", "2026-12-08T04:30:00Z"),
    slot("s-1030", "2026-12-08T05:00:00Z"),
    slot("s-1100", "2026-12-08T05:30:00Z"),
    slot("s-1130", "2026-12-08T06:00:00Z"),
  ];
  vi.stubGlobal("fetch", vi.fn(answerWith(200, { success: true, data: { ...doctor, nextSlots } }).fetch));
  renderWithApp(
    <ul>
      <DoctorCard doctor={doctor} clinics={[]} />
    </ul>,
    { language },
  );
}

describe("a search result", () => {
  it("offers the doctor's next three free times, each going straight to confirming it", async () => {
    renderCard();
    const times = await screen.findByRole("list", { name: "Next free times with Dr Rahul Iyer" });
    const links = within(times).getAllByRole("link");
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      "/doctors/dr-rahul-iyer/book/s-1000",
      "/doctors/dr-rahul-iyer/book/s-1030",
      "/doctors/dr-rahul-iyer/book/s-1100",
    ]);
    expect(links[0]?.getAttribute("aria-label")).toMatch(/^Book Tue, 8 Dec, 10:00\s?am with Dr Rahul Iyer$/i);
  });

  it("names the speciality in Hindi for a Hindi reader", async () => {
    renderCard("hi");
    expect(await screen.findByText("त्वचा रोग")).toBeTruthy();
    expect(screen.queryByText("dermatology")).toBeNull();
  });
});
