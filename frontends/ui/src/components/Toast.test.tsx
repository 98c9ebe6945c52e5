import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ToastProvider, useToast } from "./Toast";

function ShowThree() {
  const toast = useToast();
  return (
    <button
      type="button"
      onClick={() => {
        toast({ title: "Checked in" });
        toast({ title: "Consultation started" });
        toast({ title: "Completed" });
      }}
    >
      Go
    </button>
  );
}

describe("notices", () => {
  it("show only the newest, in a region named in the app's language", async () => {
    render(
      <ToastProvider closeLabel="बंद करें" label="सूचनाएँ">
        <ShowThree />
      </ToastProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Go" }));
    expect(await screen.findByText("Completed")).toBeTruthy();
    expect(screen.queryByText("Checked in")).toBeNull();
    expect(screen.queryByText("Consultation started")).toBeNull();
    expect(screen.getByRole("region", { name: /सूचनाएँ/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: "बंद करें" })).toBeTruthy();
  });
});
