import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerWith, renderWithApp } from "../../../testing/render";
import { RegisterForm } from "./register-form";

afterEach(() => vi.unstubAllGlobals());

function field(name: string): HTMLInputElement {
  return screen.getByLabelText(name, { selector: "input" });
}

describe("RegisterForm", () => {
  it("names every missing or malformed field before sending anything", async () => {
    const platform = answerWith(201, {});
    vi.stubGlobal("fetch", vi.fn(platform.fetch));
    renderWithApp(<RegisterForm onRegistered={vi.fn()} />);
    await userEvent.type(field("Email"), "not-an-email");
    await userEvent.type(field("Mobile number (optional)"), "98123");
    await userEvent.type(field("Password"), "short");
    await userEvent.type(field("Type the password again"), "shorter");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByText("Enter a name.")).toBeTruthy();
    expect(screen.getByText("Enter an email address like name@example.com.")).toBeTruthy();
    expect(screen.getByText("Enter the number with its country code, like +919812345678.")).toBeTruthy();
    expect(screen.getByText("Use at least 10 characters.")).toBeTruthy();
    expect(screen.getByText("The two passwords are not the same.")).toBeTruthy();
    expect(field("Full name").getAttribute("aria-invalid")).toBe("true");
    // the message is read out with the field
    const described = field("Email").getAttribute("aria-describedby") ?? "";
    expect(described.split(" ").map((id) => document.getElementById(id)?.textContent)).toContain(
      "Enter an email address like name@example.com.",
    );
    expect(platform.requests).toHaveLength(0);
  });

  it("puts the platform's field problems on the fields they name", async () => {
    const platform = answerWith(400, {
      success: false,
      error: {
        code: "validation_failed",
        message: "The request has invalid fields",
        details: [{ field: "email", message: "must be a well-formed email address" }],
      },
    });
    vi.stubGlobal("fetch", vi.fn(platform.fetch));
    const onRegistered = vi.fn();
    renderWithApp(<RegisterForm onRegistered={onRegistered} />);
    await userEvent.type(field("Full name"), "Asha Rao");
    await userEvent.type(field("Email"), "asha@example.test");
    await userEvent.type(field("Password"), "a-long-password");
    await userEvent.type(field("Type the password again"), "a-long-password");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByText("must be a well-formed email address")).toBeTruthy();
    expect(onRegistered).not.toHaveBeenCalled();
    const sent = (await platform.requests[0]?.json()) as Record<string, unknown>;
    expect(sent).toEqual({ name: "Asha Rao", email: "asha@example.test", password: "a-long-password" });
  });

  it("says what is wrong in Hindi to a Hindi reader", async () => {
    renderWithApp(<RegisterForm onRegistered={vi.fn()} />, { language: "hi" });
    await userEvent.click(screen.getByRole("button", { name: "खाता बनाएँ" }));
    expect(await screen.findByText("नाम लिखें।")).toBeTruthy();
    expect(screen.getByText("अपना ईमेल पता लिखें।")).toBeTruthy();
  });
});
