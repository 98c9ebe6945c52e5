import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerWith, renderWithApp } from "../../../testing/render";
import { PhoneSignInForm } from "./phone-sign-in-form";

afterEach(() => vi.unstubAllGlobals());

describe("PhoneSignInForm", () => {
  it("wants an international number, then the six digits sent to it", async () => {
    const platform = answerWith(202, { success: true, message: "A code is on its way" });
    vi.stubGlobal("fetch", vi.fn(platform.fetch));
    renderWithApp(<PhoneSignInForm onSignedIn={vi.fn()} />);
    await userEvent.type(screen.getByLabelText("Mobile number"), "9812345678");
    await userEvent.click(screen.getByRole("button", { name: "Send me a code" }));
    expect(await screen.findByText("Enter the number with its country code, like +919812345678.")).toBeTruthy();
    expect(platform.requests).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText("Mobile number"));
    await userEvent.type(screen.getByLabelText("Mobile number"), "+919812345678");
    await userEvent.click(screen.getByRole("button", { name: "Send me a code" }));
    expect(await screen.findByText("We sent a code by SMS to +919812345678.")).toBeTruthy();
    await userEvent.type(screen.getByLabelText("The 6-digit code"), "12a4");
    await userEvent.click(screen.getByRole("button", { name: "Sign in with the code" }));
    expect(await screen.findByText("Enter the 6 digits we sent you.")).toBeTruthy();
  });
});
