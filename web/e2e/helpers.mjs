// Shared set-up for the browser tests (not a test file itself: node --test runs *.test.mjs).
//   DVLD_BASE_URL        the running server that serves the built app, e.g. http://127.0.0.1:18080
//   DVLD_ADMIN_PASSWORD  password of the `admin` account
//   DVLD_SCREENSHOT_DIR  optional: where to save screenshots
//   DVLD_CHROMIUM        optional: browser binary (default /usr/bin/chromium)
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.DVLD_BASE_URL ?? '').replace(/\/+$/, '');
export const ADMIN_PASSWORD = process.env.DVLD_ADMIN_PASSWORD ?? '';
export const SHOTS = process.env.DVLD_SCREENSHOT_DIR ?? '';
export const STEP = { timeout: 45_000 };
export const WAIT = 10_000; // any single expectation

export function checkEnv() {
  const missing = [!BASE_URL && 'DVLD_BASE_URL', !ADMIN_PASSWORD && 'DVLD_ADMIN_PASSWORD'].filter(Boolean);
  assert.equal(missing.length, 0, `set ${missing.join(' and ')} (see the top of e2e/helpers.mjs)`);
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.DVLD_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** The uncaught errors each page of newPage reported and no step has been failed for yet. */
const pageErrors = new WeakMap();

/**
 * Fails when the page reported an uncaught error since the last check. React's recoverable errors
 * count (#520: a render threw, then React rendered the whole page again and it worked): the step
 * passes on screen, but the page had a bug. Call it from afterEach.
 */
export function assertNoPageErrors(page) {
  const errors = pageErrors.get(page)?.splice(0) ?? [];
  assert.deepEqual(errors, [], `the page reported ${errors.length} uncaught error(s): ${errors.join(' | ')}`);
}

/**
 * Waits until a dialog (an Ant Design modal, the element with role="dialog") is shown and done
 * with its opening zoom. A click during the zoom is aimed at where the button was a frame before;
 * on a loaded machine such a click was lost now and then (the licence was never issued, with the
 * dialog still open and no request sent, in CI). The pages of newPage ask for reduced motion, so
 * there is no zoom: this only waits out the one frame in which the dialog still has its
 * `ant-zoom-appear-prepare` class; it stays for pages with motion.
 */
export async function dialogReady(dialog) {
  await dialog.waitFor();
  for (const end = Date.now() + WAIT; /\bant-zoom-appear/.test((await dialog.getAttribute('class')) ?? ''); ) {
    if (Date.now() > end) throw new Error('the dialog did not finish opening');
    await dialog.page().waitForTimeout(25);
  }
}

/** What a locator shows, on one line and cut short, for a failure message ("?" if it is gone). */
export async function shownText(locator) {
  return (await locator.innerText().catch(() => '?')).replace(/\s+/g, ' ').slice(0, 600);
}

/** A fresh context (own cookies and storage), English browser, 1280x800, reduced motion. */
export async function newPage(browser) {
  // reducedMotion 'reduce': the browser says the user prefers reduced motion, so the app turns
  // Ant Design's motion off and dialogs open without their zoom. A click on a dialog's button
  // during that zoom was lost now and then on a loaded 2-core CI machine (the dialog stayed open,
  // no request sent). It also exercises the app's accessibility setting.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  // Said in the test output, so that a step that times out shows what the browser saw; a page
  // error also fails the step it happened in (assertNoPageErrors).
  const errors = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => {
    errors.push(e.message);
    console.error(`e2e: page error: ${e.message}`);
  });
  page.on('requestfailed', (r) =>
    console.error(`e2e: request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`),
  );
  return { context, page };
}

export async function shot(page, name) {
  if (!SHOTS) return;
  await page.evaluate(() => document.fonts.ready);
  // From the top, so the sticky header is drawn where it belongs in a full-page image.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Let Ant Design's motions settle: there are none in pages of newPage (reduced motion), but
  // shot() also serves pages of contexts made elsewhere, with motion (verify.test.mjs).
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Signs in on /login and waits for the home page. */
export async function signIn(page, username, password) {
  await page.goto(`${BASE_URL}/login`);
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-title').waitFor();
}

/** The department's today (YYYY-MM-DD) as the server tells the signed-in web app. */
export async function serverToday(page) {
  const res = await page.request.get(`${BASE_URL}/api/v1/auth/me`);
  if (!res.ok()) throw new Error(`GET /auth/me answered ${res.status()}`);
  return (await res.json()).clock.today;
}

export async function signOut(page) {
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/\/login$/);
  // The address changes first; the sign-in form shows once the shell has gone.
  await page.locator('#login_username').waitFor();
}

/** Switches the interface language with the header switch and waits for the direction. */
export async function switchLanguage(page, lang) {
  const label = lang === 'ar' ? 'العربية' : 'English';
  await page.locator('.language-switch').getByText(label, { exact: true }).click();
  await page.waitForFunction((dir) => document.documentElement.dir === dir, lang === 'ar' ? 'rtl' : 'ltr');
}

/** The validation message(s) Ant Design shows under the form item holding `#id`. */
export function fieldError(page, id) {
  return page.locator('.ant-form-item', { has: page.locator(`#${id}`) }).locator('.ant-form-item-explain-error');
}

/** Picks an option of an Ant Design Select by its visible text (the list is virtual: type to filter). */
export async function pickOption(page, selectId, text) {
  await page.locator(`#${selectId}`).click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
    hasText: text,
  });
  await option.first().click();
}

/** Ten digits that differ from run to run (a fresh national number). */
export function uniqueDigits(n = 10) {
  const s = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  return s.slice(-n);
}
