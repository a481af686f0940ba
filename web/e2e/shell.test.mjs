// Browser test of the sign-in page and the app shell, in headless Debian Chromium.
//   DVLD_BASE_URL        the running server that serves the built app, e.g. http://127.0.0.1:18080
//   DVLD_ADMIN_PASSWORD  password of the `admin` account
//   DVLD_SCREENSHOT_DIR  optional: where to save screenshots
//   DVLD_CHROMIUM        optional: browser binary (default /usr/bin/chromium)
// Run: npm run e2e   (node --test e2e/)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.DVLD_BASE_URL ?? '').replace(/\/+$/, '');
const PASSWORD = process.env.DVLD_ADMIN_PASSWORD ?? '';
const SHOTS = process.env.DVLD_SCREENSHOT_DIR ?? '';
const STEP = { timeout: 30_000 };
const WAIT = 10_000; // any single expectation

const missing = [!BASE_URL && 'DVLD_BASE_URL', !PASSWORD && 'DVLD_ADMIN_PASSWORD'].filter(Boolean);

describe('web shell', { timeout: 180_000 }, () => {
  let browser;
  let context;
  let page;

  async function shot(name) {
    if (!SHOTS) return;
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(400); // let Ant Design's motions (switch thumb, alerts) settle
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  const htmlAttrs = () =>
    page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

  before(async () => {
    assert.equal(missing.length, 0, `set ${missing.join(' and ')} (see the top of e2e/shell.test.mjs)`);
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
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
    // A fresh context = fresh cookies and localStorage; English browser so the default is English.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    context.setDefaultTimeout(WAIT);
    context.setDefaultNavigationTimeout(20_000);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
  });

  it('redirects an anonymous visitor to /login', STEP, async () => {
    await page.goto(`${BASE_URL}/`);
    await page.waitForURL(/\/login$/);
    const username = page.getByLabel('Username');
    await username.waitFor();
    assert.equal(await username.evaluate((el) => el === document.activeElement), true, 'username has focus');
    assert.deepEqual(await htmlAttrs(), { lang: 'en', dir: 'ltr' });
    await shot('login-en');
  });

  it('shows an error for a wrong password', STEP, async () => {
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.match(await error.innerText(), /username or password is incorrect/i);
    assert.match(page.url(), /\/login$/);
    await shot('login-error-en');
  });

  it('signs in as admin and greets in English', STEP, async () => {
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    const title = page.getByTestId('home-title');
    await title.waitFor();
    assert.equal((await title.innerText()).trim(), 'Welcome, admin');
    assert.deepEqual(await htmlAttrs(), { lang: 'en', dir: 'ltr' });
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByTestId('health-status').waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await shot('home-en');
  });

  it('switches to Arabic and mirrors the layout', STEP, async () => {
    // The radio inputs of the switch are visually hidden; click the visible option.
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('العربية', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.deepEqual(await htmlAttrs(), { lang: 'ar', dir: 'rtl' });
    const title = page.getByTestId('home-title');
    assert.equal((await title.innerText()).trim(), 'مرحباً، admin');
    // The side menu sits on the right in RTL.
    const nav = await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).boundingBox();
    assert.ok(nav && nav.x > 1280 / 2, `navigation should be on the right, got x=${nav?.x}`);
    await shot('home-ar');
  });

  it('remembers Arabic after a reload', STEP, async () => {
    await page.reload();
    const title = page.getByTestId('home-title');
    await title.waitFor();
    assert.equal((await title.innerText()).trim(), 'مرحباً، admin');
    assert.deepEqual(await htmlAttrs(), { lang: 'ar', dir: 'rtl' });
  });

  it('signs out back to /login', STEP, async () => {
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('اسم المستخدم').waitFor();
    assert.deepEqual(await htmlAttrs(), { lang: 'ar', dir: 'rtl' });
    await shot('login-ar');
    // The session is really gone: the shell sends us back again.
    await page.goto(`${BASE_URL}/`);
    await page.waitForURL(/\/login$/);
  });
});
