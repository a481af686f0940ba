// Browser test of staff accounts: an administrator creates a clerk account; the clerk signs in
// and has no Administration in the navigation (and is refused the page).
// Environment: see e2e/helpers.mjs.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_PASSWORD,
  BASE_URL,
  STEP,
  assertNoPageErrors,
  checkEnv,
  launch,
  newPage,
  shot,
  signIn,
  signOut,
  switchLanguage,
  uniqueDigits,
} from './helpers.mjs';

describe('staff accounts', { timeout: 240_000 }, () => {
  let browser;
  let context;
  let page;
  const username = `clerk${uniqueDigits(8)}`;
  const password = `Counter-${uniqueDigits(6)}x`;

  before(async () => {
    checkEnv();
    browser = await launch();
    ({ context, page } = await newPage(browser));
  });

  after(async () => {
    await context?.close();
    await browser?.close();
  });

  // A step fails on an uncaught error in the page, even when what it checks shows.
  afterEach(() => assertNoPageErrors(page));

  it('signs in as admin and opens Administration', STEP, async () => {
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Administration' }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByTestId('users-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'admin-staff-en');
  });

  it('creates a clerk account', STEP, async () => {
    await page.getByTestId('create-user').click();
    const dialog = page.getByRole('dialog', { name: 'Create a staff account' });
    await dialog.waitFor();
    await dialog.locator('#create-user_username').fill(username);
    await dialog.locator('#create-user_password').fill(password);
    await dialog.locator('#create-user_passwordConfirm').fill(password);
    // The rule checklist agrees with the password.
    await dialog.getByText('Strength:').waitFor();
    // Role: clerk is preselected. Branch: the first open one.
    assert.match(await dialog.locator('.ant-form-item', { has: page.locator('#create-user_role') }).innerText(), /Counter clerk/);
    await dialog.locator('#create-user_branchId').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:not(.ant-select-item-option-disabled)')
      .first()
      .click();
    await shot(page, 'admin-create-user-en');
    await dialog.getByTestId('modal-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('users-table').locator('tbody tr', { hasText: username });
    await row.waitFor();
    assert.match(await row.innerText(), /Counter clerk/);
    assert.match(await row.innerText(), /Active/);
  });

  it('shows Administration in Arabic, right to left', STEP, async () => {
    await switchLanguage(page, 'ar');
    await page.getByRole('tab', { name: 'حسابات الموظفين' }).waitFor();
    await shot(page, 'admin-staff-ar');
    await page.getByRole('tab', { name: 'فئات الرخص' }).click();
    await page.getByTestId('license-classes-table').locator('tbody tr.ant-table-row').first().waitFor();
    assert.match(await page.getByTestId('license-classes-table').innerText(), /\d+\.\d{3} د\.أ/);
    await shot(page, 'admin-license-classes-ar');
    await switchLanguage(page, 'en');
    assert.match(await page.getByTestId('license-classes-table').innerText(), /\d+\.\d{3} JOD/);
    await shot(page, 'admin-license-classes-en');
  });

  it('signs out and in as the clerk, who has no Administration', STEP, async () => {
    await signOut(page);
    await signIn(page, username, password);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'People' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Administration' }).count(), 0);
    assert.match(await page.getByTestId('user-badge').innerText(), new RegExp(username));
    // Typing the address is refused too.
    await page.goto(`${BASE_URL}/admin`);
    await page.getByTestId('forbidden').waitFor();
    await shot(page, 'clerk-admin-forbidden-en');
    await signOut(page);
  });
});
