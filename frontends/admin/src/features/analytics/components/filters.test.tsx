import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Filters } from "./filters";

describe("the dashboard's filters", () => {
  it("refuse a reversed date range on the form, without asking the platform", async () => {
    const onChange = vi.fn();
    render(<Filters filters={{ from: "2026-12-01", to: "2026-12-31" }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-12-10" } });
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2026-12-01" } });
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(screen.getByText("The end must be on or after the start.")).toBeTruthy();
    expect(screen.getByLabelText("To").getAttribute("aria-invalid")).toBe("true");
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2026-12-10" } });
    expect(screen.queryByText("The end must be on or after the start.")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(onChange).toHaveBeenCalledWith({ from: "2026-12-10", to: "2026-12-10" });
  });

  it("say so when the address itself holds a reversed range", () => {
    render(<Filters filters={{ from: "2026-12-10", to: "2026-12-01" }} onChange={vi.fn()} />);
    expect(screen.getByText("The end must be on or after the start.")).toBeTruthy();
  });
});
