import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { lateness } from "./running-late-card";
import { RunningLateForm } from "./running-late-form";

afterEach(() => vi.unstubAllGlobals());

function renderForm(waiting: number, onAnnounced = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RunningLateForm doctorId="dr-sana-khan" date="2026-12-01" waiting={waiting} onAnnounced={onAnnounced} />
    </QueryClientProvider>,
  );
  return onAnnounced;
}

describe("running late", () => {
  it("shows what patients were told, and the queue's own estimate when it differs", () => {
    expect(lateness(0, null)).toEqual({ minutes: 0, text: "On time", detail: "" });
    expect(lateness(0, 10)).toEqual({ minutes: 10, text: "10 min", detail: "patients told 10 min" });
    expect(lateness(25, 10)).toEqual({
      minutes: 25,
      text: "25 min",
      detail: "patients told 10 min · estimate from the queue 25 min",
    });
    expect(lateness(12, null)).toEqual({ minutes: 12, text: "12 min", detail: "estimate from the queue 12 min" });
  });

  it("leaves the minutes to the doctor, and announces what they typed", async () => {
    const answer = {
      announced: true,
      appointmentIds: ["a-1"],
      date: "2026-12-01",
      doctorId: "dr-sana-khan",
      minutes: 10,
    };
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ success: true, data: answer }), {
          status: 200,
          headers: { "Content-Type": "application/json" },
        }),
    );
    vi.stubGlobal("fetch", fetch);
    const onAnnounced = renderForm(2);
    const minutes = screen.getByLabelText<HTMLInputElement>("Running late by (minutes)");
    expect(minutes.value).toBe("");
    await userEvent.click(screen.getByRole("button", { name: "Tell waiting patients" }));
    expect(await screen.findByText("Enter the minutes")).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
    await userEvent.type(minutes, "10");
    await userEvent.click(screen.getByRole("button", { name: "Tell waiting patients" }));
    await vi.waitFor(() => expect(onAnnounced).toHaveBeenCalledWith(10));
  });

  it("cannot be announced to an empty queue, and says why", () => {
    renderForm(0);
    expect(screen.getByLabelText<HTMLInputElement>("Running late by (minutes)").disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Tell waiting patients" }).disabled).toBe(true);
    expect(screen.getByText("Nobody is waiting to be told.")).toBeTruthy();
  });
});
