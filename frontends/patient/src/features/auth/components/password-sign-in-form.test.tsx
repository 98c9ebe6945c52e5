import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerWith, renderWithApp } from "../../../testing/render";
import { PasswordSignInForm } from "./password-sign-in-form";

afterEach(() => vi.unstubAllGlobals());

describe("PasswordSignInForm", () => {
  it("asks for both fields before trying", async () => {
    renderWithApp(<PasswordSignInForm onSignedIn={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter your email address.")).toBeTruthy();
    expect(screen.getByText("Enter your password.")).toBeTruthy();
  });

  it("says plainly when the email or password is wrong", async () => {
    const platform = answerWith(401, {
      success: false,
      error: { code: "invalid_credentials", message: "The email or password is not right" },
    });
    vi.stubGlobal("fetch", vi.fn(platform.fetch));
    const onSignedIn = vi.fn();
    renderWithApp(<PasswordSignInForm onSignedIn={onSignedIn} />);
    await userEvent.type(screen.getByLabelText("Email"), "asha@example.test");
    await userEvent.type(screen.getByLabelText("Password"), "wrong-password");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The email or password is not right.");
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("tells how long to wait when there were too many attempts", async () => {
    const platform = answerWith(
      429,
      { success: false, error: { code: "rate_limited", message: "Too many requests" } },
      { "Retry-After": "42" },
    );
    vi.stubGlobal("fetch", vi.fn(platform.fetch));
    renderWithApp(<PasswordSignInForm onSignedIn={vi.fn()} />);
    await userEvent.type(screen.getByLabelText("Email"), "asha@example.test");
    await userEvent.type(screen.getByLabelText("Password"), "whatever");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByRole("alert")).textContent).toContain("42 seconds");
  });
});
