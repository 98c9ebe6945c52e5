// The patient app's steps that more than one browser test takes.
import { BASE_URL } from "./support.mjs";

export const PASSWORD = "a-test-password-1";

export async function registerByApi(name, email) {
  const response = await fetch(`${BASE_URL}/api/auth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, email, password: PASSWORD }),
  });
  if (response.status !== 201) {
    throw new Error(`registering ${email}: ${response.status} ${await response.text()}`);
  }
}

export async function signIn(page, email) {
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("heading", { name: "My appointments", level: 1 }).waitFor();
}

/**
 * Shows the doctor's times of the next day with any: a scenario that cancels books there, outside the clinic's
 * cancellation notice whatever the time of day.
 */
export async function showNextDay(page) {
  await page.locator('[role="group"][aria-label^="Days with times for"] button').nth(1).click();
}

/** The first time still free on the doctor's page, as its slot id. */
export async function firstFreeSlot(page) {
  const free = page.locator('[role="group"][aria-label^="Times on"] button[data-slot-id]:not([disabled])').first();
  await free.waitFor();
  return free.getAttribute("data-slot-id");
}

export async function bookHeldTime(page, reason) {
  await page.getByRole("heading", { name: "Confirm your appointment" }).waitFor();
  await page.getByRole("radio", { name: /At the clinic/ }).click();
  if (reason !== undefined) {
    await page.getByLabel("Reason for the visit (optional)").fill(reason);
  }
  await page.getByRole("button", { name: "Book appointment" }).click();
  await page.getByRole("heading", { name: "You are booked" }).waitFor();
}
