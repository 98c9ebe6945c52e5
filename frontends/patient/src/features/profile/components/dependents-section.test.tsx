import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerWith, renderWithApp } from "../../../testing/render";
import { AddDependentForm } from "./dependents-section";

afterEach(() => vi.unstubAllGlobals());

describe("AddDependentForm", () => {
  it("wants a name and a date of birth in the past", async () => {
    const platform = answerWith(201, {});
    vi.stubGlobal("fetch", vi.fn(platform.fetch));
    renderWithApp(<AddDependentForm />);
    await userEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(await screen.findByText("Enter a name.")).toBeTruthy();
    expect(screen.getByText("Enter their date of birth.")).toBeTruthy();

    await userEvent.type(screen.getByLabelText("Full name"), "Meera");
    await userEvent.type(screen.getByLabelText("Date of birth"), "2999-01-01");
    await userEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(await screen.findByText("The date of birth must be in the past.")).toBeTruthy();
    expect(platform.requests).toHaveLength(0);
  });
});
