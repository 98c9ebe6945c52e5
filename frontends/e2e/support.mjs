// What the browser tests share: where the platform and Chromium are, photographs at desktop and
// phone sizes, axe-core checks, browser contexts that report page errors, and the run's outcome.
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const BASE_URL = (process.env.BASE_URL ?? "http://localhost:8080").replace(/\/$/, "");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = process.env.ARTIFACTS_DIR ?? "e2e-artifacts";
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const TIMEOUT = 30_000;

mkdirSync(ARTIFACTS, { recursive: true });

/** A name unique to this run, for accounts the test creates. */
export const run = Date.now().toString(36);

/** The same platform at another host: `apollo` → http://apollo.localhost:8080 (Chromium resolves *.localhost itself). */
export function hostUrl(subdomain) {
  const url = new URL(BASE_URL);
  url.hostname = `${subdomain}.${url.hostname}`;
  return url.origin;
}

export function log(message) {
  console.log(`[e2e] ${message}`);
}

/** Photographs are numbered in the order they are taken; `prefix` keeps two scripts' apart. */
export function camera(prefix) {
  let shot = 0;
  return async function photograph(page, name) {
    shot += 1;
    const base = `${prefix}${String(shot).padStart(2, "0")}-${name}`;
    const original = page.viewportSize() ?? DESKTOP;
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: join(ARTIFACTS, `${base}.desktop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(ARTIFACTS, `${base}.phone.png`), fullPage: true });
    await page.setViewportSize(original);
  };
}

/**
 * axe-core's WCAG 2.1 A and AA rules; serious and critical violations fail the run. Results go to
 * `report`. At both sizes the page must also fit the screen's width: what is wider (a table)
 * scrolls inside its own frame, never the page sideways.
 */
export function accessibilityChecker(report) {
  return async function checkAccessibility(page, name) {
    for (const [size, viewport] of [
      ["desktop", DESKTOP],
      ["phone", PHONE],
    ]) {
      await page.setViewportSize(viewport);
      // charts follow the new width a moment after it changes (ResizeObserver)
      const fits = await page
        .waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, {
          timeout: 5_000,
        })
        .then(() => true)
        .catch(() => false);
      if (!fits) {
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        throw new Error(`${name} (${size}) runs ${overflow} px off the screen sideways`);
      }
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const violations = results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => node.target.join(" ")),
      }));
      report.push({ page: name, size, url: page.url(), violations });
      const serious = violations.filter(
        (violation) => violation.impact === "serious" || violation.impact === "critical",
      );
      if (serious.length > 0) {
        throw new Error(`accessibility: ${name} (${size}) has serious violations: ${JSON.stringify(serious, null, 2)}`);
      }
    }
    await page.setViewportSize(DESKTOP);
    log(`axe: ${name} has no serious or critical violations`);
  };
}

/** The element is on screen as the page opens, without scrolling (a phone's main button, say). */
export async function expectInViewport(locator, what) {
  await locator.waitFor();
  const inView = await locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });
  if (!inView) {
    throw new Error(`${what} is not on screen without scrolling`);
  }
}

/** What the pages' Content-Security-Policy refused: the apps must need nothing it forbids. */
const policyViolations = [];

/** A browser context of its own (its own cookies: another person), and its page. */
export async function newPage(browser, label) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: "en-IN", timezoneId: "Europe/London" });
  context.setDefaultTimeout(TIMEOUT);
  // an eval refused inside a try (as a library probing for it does) logs nothing by itself
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Content Security Policy refused ${event.blockedURI} (${event.violatedDirective})`),
    ),
  );
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[${label}] page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") {
      console.error(`[${label}] console: ${message.text()}`);
      if (message.text().includes("Content Security Policy")) {
        policyViolations.push(`[${label}] ${message.text()}`);
      }
    }
  });
  return page;
}

/**
 * Launches Chromium, runs the scenarios one after the other, photographs every open page when one
 * fails, writes the accessibility report and exits 0 or 1.
 */
export async function runScenarios(reportName, accessibility, scenarios) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ["--no-sandbox"] });
  let failed = false;
  try {
    log(`platform at ${BASE_URL}, screenshots in ${ARTIFACTS}`);
    for (const scenario of scenarios) {
      await scenario(browser);
    }
    if (policyViolations.length > 0) {
      throw new Error(`the Content-Security-Policy refused:\n${policyViolations.join("\n")}`);
    }
  } catch (error) {
    failed = true;
    console.error(`[e2e] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    for (const [contextIndex, context] of browser.contexts().entries()) {
      for (const [index, page] of context.pages().entries()) {
        await page
          .screenshot({
            path: join(ARTIFACTS, `failure-${reportName}-${String(contextIndex)}-${String(index)}.png`),
            fullPage: true,
          })
          .catch(() => undefined);
      }
    }
  } finally {
    writeFileSync(join(ARTIFACTS, `${reportName}.json`), JSON.stringify(accessibility, null, 2));
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}
