// The patient app in a real browser against a running platform (Debian's Chromium, headless, driven
// by playwright-core):
//   0. an unknown address is the app's not-found page, with a 404;
//   1. search → book → see it in My appointments → cancel (a new patient who registers on the way,
//      and goes straight on to confirming the time); "You are booked" with its reference, fee, map
//      and calendar file; then a signed-in patient on a phone books from the search results in
//      at most three presses;
//   2. a second browser books the time the first is looking at, and the first is told, with other
//      times and a one-click waitlist;
//   3. the second patient cancels: the waitlist offer reaches the first live, and they accept it.
// Every step is photographed at desktop (1280×800) and phone (390×844) sizes; the main pages are
// checked with axe-core, and any serious or critical violation fails the run.
//
//   BASE_URL=http://localhost:8080 CHROMIUM_PATH=/usr/bin/chromium ARTIFACTS_DIR=e2e-artifacts node e2e/patient-app.mjs
import { readFileSync } from "node:fs";
import {
  accessibilityChecker,
  BASE_URL,
  camera,
  DESKTOP,
  expectInViewport,
  log,
  newPage as newPatientPage,
  PHONE,
  run,
  runScenarios,
} from "./support.mjs";
import { bookHeldTime, firstFreeSlot, PASSWORD, registerByApi, showNextDay, signIn } from "./patient-steps.mjs";

const accessibility = [];
const photograph = camera("");
const checkAccessibility = accessibilityChecker(accessibility);

async function openDoctor(page, doctorName) {
  await page.getByRole("link", { name: `See times for ${doctorName}` }).click();
  await page.getByRole("heading", { name: doctorName, level: 1 }).waitFor();
}

async function searchFor(page, text) {
  await page.goto(`${BASE_URL}/`);
  await page.getByLabel("Name or speciality").fill(text);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByText(/Showing 1–\d+ of \d+ doctors/).waitFor();
}

/** "You are booked" says it all: the reference, the fee, the address with a map, a calendar file, the confirmation sent. */
async function expectBookedInFull(page, doctorName) {
  await page.getByRole("heading", { name: "You are booked" }).waitFor();
  const reference = (await page.getByTestId("booking-reference").textContent()).trim();
  if (!/^[0-9A-F]{8}$/.test(reference)) {
    throw new Error(`the booking's reference reads "${reference}"`);
  }
  if (!/^₹[\d,]+, paid at the clinic$/.test((await page.getByTestId("booked-fee").textContent()).trim())) {
    throw new Error(`the fee reads "${await page.getByTestId("booked-fee").textContent()}"`);
  }
  await page
    .getByTestId("confirmation-sent")
    .filter({ hasText: "We have sent you a confirmation by Email and SMS." })
    .waitFor();
  const map = await page.getByRole("link", { name: "Open in maps" }).getAttribute("href");
  if (!map.startsWith("https://www.google.com/maps/search/?api=1&query=")) {
    throw new Error(`the map link is ${map}`);
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Add to calendar" }).click(),
  ]);
  const ics = readFileSync(await download.path(), "utf8");
  if (
    !ics.includes("BEGIN:VEVENT") ||
    !ics.includes(`SUMMARY:Appointment with ${doctorName}`) ||
    !/DTSTART:\d{8}T\d{6}Z/.test(ics)
  ) {
    throw new Error(`the calendar file is not the appointment:\n${ics}`);
  }
  log(`booked: reference ${reference}, calendar file ${download.suggestedFilename()}`);
}

/** An address the app has not: its own not-found page with a 404, not the platform's JSON. */
async function unknownAddress(browser) {
  const page = await newPatientPage(browser, "lost visitor");
  const response = await page.goto(`${BASE_URL}/no-such-page`);
  if (response.status() !== 404) {
    throw new Error(`/no-such-page answered ${response.status()}`);
  }
  await page.getByRole("heading", { name: "This page does not exist", level: 1 }).waitFor();
  await page.getByTestId("not-found").getByRole("link", { name: "Find a doctor" }).waitFor();
  await photograph(page, "not-found");
  await checkAccessibility(page, "not found");
  await page.context().close();
  log("an unknown address is the app's not-found page");
}

/**
 * A signed-in patient on a phone books from the search results in two presses: a time on a result
 * (held for them as the confirm page opens, the clinic and paying there chosen already), then Book.
 */
async function bookFromSearchOnAPhone(browser) {
  const email = `tara.${run}@example.test`;
  await registerByApi("Tara Test", email);
  const page = await newPatientPage(browser, "signed-in patient on a phone");
  await signIn(page, email);
  await page.setViewportSize(PHONE);
  await page.goto(`${BASE_URL}/?q=dermatology`);
  let clicks = 0;
  const press = async (locator) => {
    clicks += 1;
    await locator.click();
  };
  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "See times for Dr Rahul Iyer" }) });
  const firstTime = card.getByTestId("next-times").getByRole("link").first();
  await firstTime.waitFor();
  await photograph(page, "search-results-with-times");
  await press(firstTime);
  await page.getByRole("heading", { name: "Confirm your appointment" }).waitFor();
  await expectInViewport(page.getByRole("button", { name: "Book appointment" }), "the Book button on a phone");
  await photograph(page, "confirm-on-a-phone");
  await press(page.getByRole("button", { name: "Book appointment" }));
  await page.getByRole("heading", { name: "You are booked" }).waitFor();
  if (clicks > 3) {
    throw new Error(`booking from the search results took ${clicks} presses`);
  }
  await photograph(page, "booked-from-search-on-a-phone");
  await page.context().close();
  log(`a signed-in patient booked from the search results on a phone in ${clicks} presses`);
}

/** Scenario 1: a new patient finds a dermatologist, registers on the way to booking, books, sees it, cancels it. */
async function searchBookSeeCancel(browser) {
  const page = await newPatientPage(browser, "new patient");
  const email = `meera.${run}@example.test`;

  await searchFor(page, "dermatology");
  await page.getByRole("link", { name: "See times for Dr Rahul Iyer" }).waitFor();
  await photograph(page, "search-results");
  await checkAccessibility(page, "search");

  await openDoctor(page, "Dr Rahul Iyer");
  await showNextDay(page);
  const slotId = await firstFreeSlot(page);
  await page.locator(`button[data-slot-id="${slotId}"]`).first().click();
  await page.getByTestId("slot-selected").waitFor();
  if (!(await page.getByTestId("slot-timezone").textContent()).includes("Asia/Kolkata")) {
    throw new Error("the slot picker does not say the times are the clinic's (Asia/Kolkata)");
  }
  await photograph(page, "doctor-profile-time-chosen");
  await checkAccessibility(page, "doctor profile");
  await page.setViewportSize(PHONE);
  await expectInViewport(
    page.getByRole("button", { name: "Sign in to book" }),
    "the doctor page's main button on a phone",
  );
  await page.setViewportSize(DESKTOP);

  await page.getByRole("button", { name: "Sign in to book" }).click();
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Full name").fill("Meera Test");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Type the password again").fill(PASSWORD);
  await photograph(page, "register");
  await page.getByRole("button", { name: "Create account" }).click();

  // registered, straight on to confirming the time chosen, which is held for them now
  await page.getByRole("heading", { name: "Confirm your appointment" }).waitFor();
  await page.getByText(/We are holding this time for you until/).waitFor();
  await photograph(page, "booking-details");
  await checkAccessibility(page, "booking");
  await bookHeldTime(page, "Itchy rash on both arms");
  await expectBookedInFull(page, "Dr Rahul Iyer");
  await photograph(page, "booked");
  await checkAccessibility(page, "booked");

  await page.getByRole("link", { name: "See my appointments" }).click();
  const booked = page.locator('[data-testid="appointment"][data-status="confirmed"]');
  await booked.waitFor();
  await page.getByText("Live updates on").waitFor();
  await photograph(page, "my-appointments");
  await checkAccessibility(page, "my appointments");

  // a reload keeps the session: the refresh cookie restores it
  await page.reload();
  await booked.waitFor();

  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  const policy = page.getByTestId("cancellation-policy");
  await policy.waitFor();
  if (!/up to 2 hours before/.test(await policy.textContent())) {
    throw new Error(`the cancellation policy is not shown: ${await policy.textContent()}`);
  }
  await photograph(page, "cancel-with-policy");
  await page.getByRole("button", { name: "Cancel appointment" }).click();
  await page.getByText("No upcoming appointments.").waitFor();
  await page.getByTestId("appointments-empty").getByRole("link", { name: "Find a doctor" }).waitFor();
  await page.getByRole("tab", { name: "Past and cancelled" }).click();
  await page.locator('[data-testid="appointment"][data-status="cancelled"]').waitFor();
  await photograph(page, "cancelled");

  await page.getByRole("link", { name: "Profile" }).click();
  await page.getByRole("heading", { name: "Profile", level: 1 }).waitFor();
  await photograph(page, "profile");
  await checkAccessibility(page, "profile");
  await page.getByRole("combobox", { name: "Language" }).click();
  await page.getByRole("option", { name: "हिन्दी" }).click();
  await page.getByRole("heading", { name: "प्रोफ़ाइल", level: 1 }).waitFor();
  if ((await page.getAttribute("html", "lang")) !== "hi") {
    throw new Error("the page's lang did not follow the language");
  }
  await photograph(page, "profile-hindi");
  await checkAccessibility(page, "profile (Hindi)");
  await page.getByRole("combobox", { name: "भाषा" }).click();
  await page.getByRole("option", { name: "English" }).click();
  await page.getByRole("heading", { name: "Profile", level: 1 }).waitFor();
  await page.context().close();
  log("scenario 1 passed: search → book → my appointments → cancel");
}

/**
 * Scenarios 2 and 3: Kiran looks at a time of Dr Anika Mehta's; Ben books it in another browser;
 * Kiran is told, sees other times and joins the waitlist in one click. Then Ben cancels, and the
 * seat is offered to Kiran live, who accepts it.
 */
async function takenMeanwhileThenWaitlistOffer(browser) {
  const kiranEmail = `kiran.${run}@example.test`;
  const benEmail = `ben.${run}@example.test`;
  await registerByApi("Kiran Test", kiranEmail);
  await registerByApi("Ben Test", benEmail);
  const kiran = await newPatientPage(browser, "Kiran");
  const ben = await newPatientPage(browser, "Ben");
  await signIn(kiran, kiranEmail);
  await signIn(ben, benEmail);

  await searchFor(kiran, "Mehta");
  await openDoctor(kiran, "Dr Anika Mehta");
  await showNextDay(kiran);
  const slotId = await firstFreeSlot(kiran);
  await kiran.locator(`button[data-slot-id="${slotId}"]`).first().click();
  await kiran.getByTestId("slot-selected").waitFor();
  await photograph(kiran, "kiran-looks-at-a-time");

  // Ben books that very time
  await searchFor(ben, "Mehta");
  await openDoctor(ben, "Dr Anika Mehta");
  await showNextDay(ben);
  await ben.locator(`button[data-slot-id="${slotId}"]`).first().click();
  await ben.getByRole("button", { name: "Continue" }).click();
  await bookHeldTime(ben);
  await photograph(ben, "ben-booked-it");

  // Kiran carries on and is told
  await kiran.getByRole("button", { name: "Continue" }).click();
  const taken = kiran.getByTestId("slot-taken");
  await taken.waitFor();
  await kiran.getByRole("heading", { name: "This time has just been taken", level: 2 }).waitFor();
  if ((await taken.locator("button[data-slot-id]").count()) === 0) {
    throw new Error("no other times were offered");
  }
  await photograph(kiran, "kiran-told-it-was-taken");
  await checkAccessibility(kiran, "doctor profile, time taken");
  await taken.getByRole("button", { name: /Join the waitlist for/ }).click();
  await kiran.getByText("You are on the waitlist").waitFor();
  await photograph(kiran, "kiran-on-the-waitlist");
  log("scenario 2 passed: the time taken meanwhile was explained, with other times and the waitlist");

  // Kiran watches their appointments; Ben cancels; the offer arrives without a reload
  await kiran.getByRole("link", { name: "See my waitlist" }).click();
  await kiran.getByText(/Waiting for Dr Anika Mehta/).waitFor();
  await kiran.getByText("Live updates on").waitFor();
  await photograph(kiran, "kiran-waiting");

  await ben.getByRole("link", { name: "See my appointments" }).click();
  await ben.locator('[data-testid="appointment"][data-status="confirmed"]').waitFor();
  await ben.getByRole("button", { name: "Cancel", exact: true }).click();
  await ben.getByRole("button", { name: "Cancel appointment" }).click();
  await ben.getByText("No upcoming appointments.").waitFor();
  await photograph(ben, "ben-cancelled");

  const offer = kiran.getByTestId("waitlist-offer");
  await offer.waitFor({ timeout: 60_000 });
  await kiran.getByText("A seat has opened up for you").first().waitFor();
  await photograph(kiran, "kiran-offered-the-seat-live");
  await checkAccessibility(kiran, "my appointments with an offer");
  await kiran.getByRole("button", { name: "Accept and book" }).click();
  const accepted = kiran.locator('[data-testid="appointment"][data-status="confirmed"]');
  await accepted.waitFor();
  await offer.waitFor({ state: "detached" });
  await photograph(kiran, "kiran-booked-from-the-waitlist");
  log("scenario 3 passed: the waitlist offer arrived live and was accepted");
  await kiran.context().close();
  await ben.context().close();
}

await runScenarios("accessibility", accessibility, [
  unknownAddress,
  searchBookSeeCancel,
  bookFromSearchOnAPhone,
  takenMeanwhileThenWaitlistOffer,
]);
