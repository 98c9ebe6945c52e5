// The doctor and admin apps in a real browser against a running platform with its demo data
// (Debian's Chromium, headless, driven by playwright-core):
//   1. a doctor adds an extra session today in the availability editor, previews and saves it;
//   2. a patient books it in another browser: the doctor's board shows it within a second, without
//      a reload; the doctor checks the patient in and the patient's page shows it live; the board
//      loses its connection, a second booking happens meanwhile, and the board catches up by
//      itself; running late, consultation and completion; the week view;
//   3. the clinic admin's dashboard shows exactly the analytics API's figures (all, then filtered by
//      clinic and doctor); clinics, doctors (onboarding one), staff, waitlist and audit log;
//   4. the clinic admin can reach neither another organisation's dashboard nor its clinic's figures;
//   5. the platform admin's dashboard equals the API's for every organisation, and they verify the
//      doctor onboarded in 3 from the verification queue.
// Every screen is photographed at desktop and phone sizes (d-*.png); the main pages are checked
// with axe-core, and any serious or critical violation fails the run.
//
//   BASE_URL=http://localhost:8080 CHROMIUM_PATH=/usr/bin/chromium ARTIFACTS_DIR=e2e-artifacts node e2e/doctor-admin-apps.mjs
import { bookHeldTime, firstFreeSlot, registerByApi, signIn as patientSignIn } from "./patient-steps.mjs";
import {
  accessibilityChecker,
  BASE_URL,
  camera,
  DESKTOP,
  hostUrl,
  log,
  newPage,
  PHONE,
  run,
  runScenarios,
} from "./support.mjs";

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "illajwala-demo";
const BOARD_DEADLINE_MS = 1_000;
const accessibility = [];
const photograph = camera("d-");
const checkAccessibility = accessibilityChecker(accessibility);

/**
 * The demo doctor whose clinic has at least an hour of today left, so today's board can have a
 * session still to come whatever the time of the run (Kolkata and London are 5½ hours apart).
 * Neither is a doctor the patient app's test books and cancels.
 */
function doctorWithTimeLeftToday() {
  const candidates = [
    {
      tenant: "apollo",
      zone: "Asia/Kolkata",
      doctorId: "dr-sana-khan",
      name: "Dr Sana Khan",
      email: "sana.khan@apollo.test",
      clinicId: "apollo-koramangala",
      admin: "admin@apollo.test",
      other: "sunrise",
      otherClinic: "sunrise-camden",
    },
    {
      tenant: "sunrise",
      zone: "Europe/London",
      doctorId: "dr-oliver-hughes",
      name: "Dr Oliver Hughes",
      email: "oliver.hughes@sunrise.test",
      clinicId: "sunrise-camden",
      admin: "admin@sunrise.test",
      other: "apollo",
      otherClinic: "apollo-koramangala",
    },
  ];
  for (const candidate of candidates) {
    const [hour, minute] = localTime(candidate.zone).split(":").map(Number);
    if (hour * 60 + minute <= 22 * 60 + 45) {
      return candidate;
    }
  }
  throw new Error("neither demo clinic has an hour of today left (impossible: they are 5½ hours apart)");
}

function localTime(zone, at = new Date()) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

function localDate(zone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}

/** A staff app's sign-in form. */
async function staffSignIn(page, url, email, heading) {
  await page.goto(url);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
}

/** The analytics API's answer, asked from the page's own origin with a sign-in of its own. */
async function analyticsFromApi(page, email, query) {
  return page.evaluate(
    async ({ email, password, query }) => {
      const login = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      const token = (await login.json()).data.accessToken;
      const answer = await fetch("/api/analytics?" + new URLSearchParams(query).toString(), {
        headers: { Authorization: "Bearer " + token },
      });
      return (await answer.json()).data;
    },
    { email, password: DEMO_PASSWORD, query },
  );
}

function flatten(report) {
  const figures = {};
  const walk = (prefix, value) => {
    if (typeof value === "number") {
      figures[prefix] = value;
    } else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        walk(prefix === "" ? key : `${prefix}.${key}`, inner);
      }
    }
  };
  walk("", report);
  return figures;
}

/** Every figure the dashboard shows equals the API's, and it shows every one of them. */
async function expectDashboardEqualsApi(page, email, extra = {}) {
  await page.getByTestId("dashboard").waitFor();
  const query = {
    from: await page.getByLabel("From", { exact: true }).inputValue(),
    to: await page.getByLabel("To", { exact: true }).inputValue(),
    ...extra,
  };
  const expected = flatten(await analyticsFromApi(page, email, query));
  const shown = await page
    .locator("[data-figure]")
    .evaluateAll((elements) =>
      Object.fromEntries(elements.map((element) => [element.dataset.figure, Number(element.dataset.value)])),
    );
  const differences = [
    ...Object.keys(expected).filter((name) => shown[name] !== expected[name]),
    ...Object.keys(shown).filter((name) => !(name in expected)),
  ];
  if (differences.length > 0 || Object.keys(expected).length === 0) {
    throw new Error(
      `the dashboard differs from GET /api/analytics?${new URLSearchParams(query)} in ${differences.join(", ")}:\n` +
        `API ${JSON.stringify(expected)}\nshown ${JSON.stringify(shown)}`,
    );
  }
  const bookings = await page.locator('[data-figure="bookings"]').textContent();
  if (bookings.trim() !== expected.bookings.toLocaleString("en-IN")) {
    throw new Error(`the bookings figure reads ${bookings}, the API says ${expected.bookings}`);
  }
  log(
    `dashboard equals the API for ${JSON.stringify(query)}: ${Object.keys(expected).length} figures, ${expected.bookings} bookings`,
  );
}

const scene = doctorWithTimeLeftToday();
const tenantUrl = hostUrl(scene.tenant);
const patientEmail = `ravi.${run}@example.test`;
const onboarded = `Dr Test ${run}`;

/** Scenarios 1 and 2: the editor, then the live board with a patient booking in another browser. */
async function doctorsDay(browser) {
  await registerByApi("Ravi Test", patientEmail);
  const doctor = await newPage(browser, "doctor");
  // keeps the page's EventSources within reach, so the test can make the board's connection drop
  await doctor.context().addInitScript(() => {
    const Original = window.EventSource;
    window.__eventSources = [];
    window.EventSource = class extends Original {
      constructor(...args) {
        super(...args);
        window.__eventSources.push(this);
      }
    };
  });
  const patient = await newPage(browser, "patient");
  const today = localDate(scene.zone);

  // 1. an extra session starting a quarter of an hour from now, three 10-minute slots
  await staffSignIn(doctor, `${tenantUrl}/doctor/availability`, scene.email, `Availability · ${scene.name}`);
  await doctor.getByRole("group", { name: "Monday, session 1" }).waitFor();
  const [hour, minute] = localTime(scene.zone, new Date(Date.now() + 15 * 60_000))
    .split(":")
    .map(Number);
  const startMinute = Math.ceil((hour * 60 + minute) / 5) * 5;
  const hhmm = (total) => `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
  await doctor.getByLabel("Minimum notice (minutes)").fill("0");
  await doctor.getByRole("button", { name: "Add an extra session" }).click();
  await doctor.getByLabel("On", { exact: true }).last().fill(today);
  const extra = doctor.getByRole("group", { name: /^Extra session \d+$/ }).last();
  await extra.getByLabel("Starts").fill(hhmm(startMinute));
  await extra.getByLabel("Ends").fill(hhmm(startMinute + 30));
  await extra.getByLabel("Slot (min)").fill("10");
  await doctor.getByRole("button", { name: "Preview slots" }).click();
  await doctor.locator(`[data-testid="slot-preview"] [data-day="${today}"]`).waitFor();
  await photograph(doctor, "availability-preview");
  await checkAccessibility(doctor, "availability editor");
  await doctor.getByRole("button", { name: "Save availability" }).click();
  await doctor.getByTestId("availability-saved").waitFor({ timeout: 60_000 });
  log(`scenario 1 passed: an extra session today at ${hhmm(startMinute)} (${scene.zone}) previewed and saved`);

  // 2. the board follows a booking made in another browser
  await doctor.getByRole("link", { name: "Today" }).click();
  await doctor.getByRole("heading", { name: `Today · ${scene.name}` }).waitFor();
  await doctor.locator('[data-testid="live-status"][data-state="live"]').waitFor();
  await patientSignIn(patient, patientEmail);
  const appointmentId = await book(patient);
  const since = Date.now();
  const entry = doctor.locator(`[data-testid="board-entry"][data-appointment-id="${appointmentId}"]`);
  await entry.waitFor({ timeout: BOARD_DEADLINE_MS });
  log(`the booking was on the board ${Date.now() - since} ms after the patient's booking answered, without a reload`);
  await photograph(doctor, "board-new-booking");
  await checkAccessibility(doctor, "board");

  await patient.goto(`${BASE_URL}/appointments`);
  await patient.getByText("Live updates on").waitFor();
  const patientsAppointment = patient.locator(`[data-testid="appointment"][data-appointment-id="${appointmentId}"]`);
  await patientsAppointment.and(patient.locator('[data-status="confirmed"]')).waitFor();
  await entry.getByRole("button", { name: /^Check in/ }).click();
  await entry.and(doctor.locator('[data-status="checked_in"]')).waitFor();
  await patientsAppointment.and(patient.locator('[data-status="checked_in"]')).waitFor({ timeout: 5_000 });
  await photograph(patient, "patient-sees-check-in-live");
  log("the check-in on the board reached the patient's page live");

  // the board's connection drops; a booking happens meanwhile; the board catches up by itself
  await doctor.context().setOffline(true);
  await doctor.evaluate(() => window.__eventSources.forEach((source) => source.dispatchEvent(new Event("error"))));
  await doctor.locator('[data-testid="live-status"][data-state="offline"]').waitFor();
  const whileAway = await book(patient);
  await doctor.context().setOffline(false);
  await doctor.locator('[data-testid="live-status"][data-state="live"]').waitFor({ timeout: 45_000 });
  await doctor.locator(`[data-testid="board-entry"][data-appointment-id="${whileAway}"]`).waitFor({ timeout: 10_000 });
  log("after a dropped connection the board reconnected and showed the booking made meanwhile");

  // the minutes are the doctor's to say; once said, the card shows them
  const lateBy = doctor.getByLabel("Running late by (minutes)");
  if ((await lateBy.inputValue()) !== "") {
    throw new Error(`the running-late minutes come filled in: ${await lateBy.inputValue()}`);
  }
  await lateBy.fill("10");
  await doctor.getByRole("button", { name: "Tell waiting patients" }).click();
  await doctor.getByTestId("running-late-answer").waitFor();
  await doctor
    .locator('[data-testid="running-late"][data-announced="10"]')
    .filter({ hasText: /^\d+ min$/ })
    .waitFor();
  log(`after announcing 10 minutes the card reads ${await doctor.getByTestId("running-late").textContent()}`);

  // on a phone, the notice of each step leaves the next step's button free to press
  await doctor.setViewportSize(PHONE);
  await entry.getByRole("button", { name: /^Start consultation/ }).click();
  await entry.and(doctor.locator('[data-status="in_consultation"]')).waitFor();
  await doctor.getByText("Consultation started", { exact: true }).waitFor();
  await photograph(doctor, "board-in-consultation");
  await entry.getByRole("button", { name: /^Complete/ }).click({ timeout: 5_000 });
  await entry.and(doctor.locator('[data-status="completed"]')).waitFor();
  await doctor.setViewportSize(DESKTOP);
  await photograph(doctor, "board");

  await doctor.getByRole("link", { name: "Week" }).click();
  await doctor.locator(`[data-testid="week-day"][data-date="${today}"] [data-testid="week-day-count"]`).waitFor();
  await doctor.locator('[data-testid="week-day-count"]').nth(6).waitFor();
  // the week words statuses as the board does
  const weekStatuses = await doctor.getByTestId("week-entry-status").allTextContents();
  if (!weekStatuses.includes("Completed") || weekStatuses.some((status) => /^[a-z_ ]+$/.test(status))) {
    throw new Error(`the week's statuses read ${JSON.stringify(weekStatuses)}`);
  }
  await photograph(doctor, "week");
  await checkAccessibility(doctor, "week");

  await doctor.goto(`${tenantUrl}/doctor/no-such-page`);
  await doctor.getByRole("heading", { name: "This page does not exist", level: 1 }).waitFor();
  await photograph(doctor, "not-found");
  log("scenario 2 passed: live board, check-in reaching the patient, recovery, running late, week");
  await doctor.context().close();
  await patient.context().close();
}

/** Books the first free time of the scene's doctor, once one today is open, and answers the appointment's id. */
async function book(patient) {
  await patient.waitForFunction(
    async ({ doctorId, today }) => {
      const answer = await fetch(`/api/doctors/${doctorId}/slots`);
      const slots = (await answer.json()).data ?? [];
      return slots.some((slot) => slot.status === "open" && slot.localDate === today);
    },
    { doctorId: scene.doctorId, today: localDate(scene.zone) },
    { polling: 250, timeout: 30_000 },
  );
  await patient.goto(`${BASE_URL}/doctors/${scene.doctorId}`);
  const slotId = await firstFreeSlot(patient);
  await patient.locator(`button[data-slot-id="${slotId}"]`).first().click();
  await patient.getByRole("button", { name: "Continue" }).click();
  const answer = patient.waitForResponse(
    (response) => new URL(response.url()).pathname === "/api/appointments" && response.request().method() === "POST",
  );
  await bookHeldTime(patient);
  return (await (await answer).json()).data.appointmentId;
}

/** Scenarios 3 and 4: the clinic admin's dashboards and management, and nothing of another organisation. */
async function clinicAdmin(browser) {
  const admin = await newPage(browser, "clinic admin");
  await staffSignIn(admin, `${tenantUrl}/admin/`, scene.admin, "Analytics");
  await expectDashboardEqualsApi(admin, scene.admin);
  await photograph(admin, "dashboard");
  await checkAccessibility(admin, "dashboard");

  // a reversed range is refused on the form, before the platform is asked
  const addressBefore = admin.url();
  await admin.getByLabel("From", { exact: true }).fill("2026-12-20");
  await admin.getByLabel("To", { exact: true }).fill("2026-12-01");
  await admin.getByRole("button", { name: "Apply" }).click();
  await admin.getByText("The end must be on or after the start.").waitFor();
  if (admin.url() !== addressBefore) {
    throw new Error(`a reversed range was applied: ${admin.url()}`);
  }
  await photograph(admin, "dashboard-reversed-range");
  await admin.goto(addressBefore);
  await admin.getByTestId("dashboard").waitFor();

  await admin.getByLabel("Clinic").selectOption(scene.clinicId);
  await admin.getByLabel("Doctor").selectOption(scene.doctorId);
  await admin.getByRole("button", { name: "Apply" }).click();
  await admin.waitForURL(/doctorId=/);
  await expectDashboardEqualsApi(admin, scene.admin, { clinicId: scene.clinicId, doctorId: scene.doctorId });
  await photograph(admin, "dashboard-one-doctor");

  for (const [link, name, ready] of [
    ["Clinics", "clinics", admin.getByRole("main").getByRole("listitem").first()],
    ["Staff", "staff", admin.getByTestId("member").first()],
    ["Waitlist", "waitlist", admin.getByRole("tabpanel").locator("table, p").first()],
    ["Audit log", "audit-log", admin.getByTestId("audit-entry").first()],
  ]) {
    await admin.getByRole("link", { name: link, exact: true }).click();
    await admin.getByRole("heading", { name: link, level: 1 }).waitFor();
    await ready.waitFor();
    await photograph(admin, name);
    await checkAccessibility(admin, name);
  }

  // the audit log: addresses as people write them, dates that cannot be misread, filtered by record
  const addresses = await admin.getByTestId("audit-address").allTextContents();
  if (addresses.some((address) => address.includes("0:0:0:0"))) {
    throw new Error(`the audit log shows raw addresses: ${JSON.stringify([...new Set(addresses)])}`);
  }
  const when = await admin.getByTestId("audit-entry").first().locator("td").first().textContent();
  if (!/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}/.test(when)) {
    throw new Error(`the audit log's dates read "${when}"`);
  }
  await admin.getByLabel("Record").selectOption("schedule");
  await admin.waitForURL(/resource=schedule/);
  const recordCells = admin.getByTestId("audit-entry").locator("td:nth-child(4)");
  // the address changes a moment before the table does
  await recordCells
    .filter({ hasNotText: /^schedule / })
    .first()
    .waitFor({ state: "detached" });
  const records = await recordCells.allTextContents();
  if (records.length === 0 || records.some((record) => !record.startsWith("schedule "))) {
    throw new Error(`filtered to schedule reads, the audit log shows ${JSON.stringify(records)}`);
  }
  await photograph(admin, "audit-log-schedule-reads");

  await admin.getByRole("link", { name: "Doctors", exact: true }).click();
  await admin.getByRole("heading", { name: "Doctors", level: 1 }).waitFor();
  const form = admin.getByRole("form", { name: "Onboard a doctor" });
  await form.getByLabel("Name", { exact: true }).fill(onboarded);
  await form.getByLabel("Email (their sign-in)").fill(`dr.${run}@${scene.tenant}.test`);
  await form.getByLabel("First password").fill("a-doctor-password-1");
  await form.getByLabel("Specialization").fill("general medicine");
  await form.getByLabel("Qualifications (comma-separated)").fill("MBBS, MD");
  await form.getByLabel("Registration number").fill(`REG-${run}`);
  await form.getByLabel("Fee", { exact: true }).fill("600");
  await form
    .getByRole("checkbox", { name: /Koramangala|Camden/ })
    .first()
    .click();
  await form.getByRole("button", { name: "Onboard doctor" }).click();
  await admin.getByText("Doctor onboarded.").waitFor();
  await admin
    .getByRole("row", { name: new RegExp(onboarded) })
    .getByText("awaiting verification")
    .waitFor();
  await photograph(admin, "doctors");
  await checkAccessibility(admin, "doctors");
  log("scenario 3 passed: the dashboard equals the API, filtered too; management pages; a doctor onboarded");

  // 4. another organisation's clinic in the address: refused before anything is read
  await admin.goto(`${tenantUrl}/admin/?clinicId=${scene.otherClinic}`);
  await admin.getByTestId("scope-refused").waitFor();
  if ((await admin.getByTestId("dashboard").count()) !== 0) {
    throw new Error("the dashboard showed figures for another organisation's clinic");
  }
  await photograph(admin, "other-organisations-clinic-refused");
  await admin.context().close();

  // and at the other organisation's address the admin cannot even sign in
  const intruder = await newPage(browser, "intruder");
  await intruder.goto(`${hostUrl(scene.other)}/admin/`);
  await intruder.getByLabel("Email", { exact: true }).fill(scene.admin);
  await intruder.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await intruder.getByRole("button", { name: "Sign in", exact: true }).click();
  await intruder.getByRole("alert").filter({ hasText: /./ }).first().waitFor();
  if (
    (await intruder.getByTestId("dashboard").count()) !== 0 ||
    (await intruder.getByTestId("signed-in-as").count()) !== 0
  ) {
    throw new Error(`${scene.admin} reached ${scene.other}'s admin app`);
  }
  await photograph(intruder, "other-organisations-address-refused");
  await intruder.context().close();
  log("scenario 4 passed: a clinic admin reaches nothing of another organisation");
}

/** Scenario 5: the platform admin's dashboard over every organisation, and the verification queue. */
async function platformAdmin(browser) {
  const admin = await newPage(browser, "platform admin");
  await staffSignIn(admin, `${hostUrl("admin")}/admin/`, "admin@illajwala.test", "Platform analytics");
  await expectDashboardEqualsApi(admin, "admin@illajwala.test");
  await photograph(admin, "platform-dashboard");
  await admin.getByLabel("Organisation").selectOption(scene.tenant);
  await admin.getByRole("button", { name: "Apply" }).click();
  await admin.waitForURL(/tenantId=/);
  await expectDashboardEqualsApi(admin, "admin@illajwala.test", { tenantId: scene.tenant });
  await photograph(admin, "platform-dashboard-one-organisation");

  await admin.getByRole("link", { name: "Verification queue" }).click();
  await admin.getByRole("heading", { name: "Verification queue", level: 1 }).waitFor();
  const queued = admin.getByTestId("queued-doctor").filter({ hasText: onboarded });
  await queued.waitFor();
  await photograph(admin, "verification-queue");
  await checkAccessibility(admin, "verification queue");
  await queued.getByRole("button", { name: `Verify ${onboarded}` }).click();
  await queued.waitFor({ state: "detached" });
  await admin.getByRole("link", { name: "Organisations" }).click();
  await admin.getByRole("heading", { name: "Organisations", level: 1 }).waitFor();
  await photograph(admin, "organisations");
  log("scenario 5 passed: the platform dashboard equals the API; the onboarded doctor verified from the queue");
  await admin.context().close();
}

await runScenarios("accessibility-doctor-admin", accessibility, [doctorsDay, clinicAdmin, platformAdmin]);
