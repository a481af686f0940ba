// Browser test of a new driving licence from start to end, as the administrator (who holds every
// permission, the examiner's tests.record included): register a person born in 1990, open a
// class 3 application paying cash, pass the vision test, fail the written test, retake it
// (attempt 2, with the 5.000 JOD retake fee in its bill, paid afterwards), pass it, pass the
// street test, pay the licence fee and issue the licence; then the licence page, the printable
// receipt and the printable licence card, in English and in Arabic.
// Environment: see e2e/helpers.mjs.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ADMIN_PASSWORD,
  BASE_URL,
  SHOTS,
  STEP,
  assertNoPageErrors,
  checkEnv,
  dialogReady,
  launch,
  newPage,
  pickOption,
  shot,
  shownText,
  signIn,
  switchLanguage,
  uniqueDigits,
} from './helpers.mjs';

const AR_LETTERS = 'بتثجحخدذرز';
const EN_LETTERS = 'abcdefghij';
const spell = (digits, letters) => [...digits].map((d) => letters[Number(d)]).join('');

describe('driving licence', { timeout: 420_000 }, () => {
  let browser;
  let context;
  let page;
  const nationalNo = `1990${uniqueDigits(6)}`;
  const tag = nationalNo.slice(-6);
  const lastNameEn = `Al-${spell(tag, EN_LETTERS).replace(/^./, (c) => c.toUpperCase())}`;
  const lastNameAr = `ال${spell(tag, AR_LETTERS)}`;
  let applicationPath = '';
  let licensePath = '';
  let licenseNumber = '';
  let receipt = { number: '', total: '' };

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

  /** The open dialog with this title. */
  const dialog = (name) => page.getByRole('dialog', { name });

  /**
   * Picks a choice of a button group in dialog `d` and waits until the form shows it chosen: a
   * submit must not go out with the default (paying cash instead of later). Under a loaded
   * machine a click on a dialog that had just opened was once lost (CI), so a choice that does not
   * show within two seconds is clicked once more, and must show then.
   */
  async function choose(d, text) {
    const option = d.locator('label', { hasText: text });
    const chosen = d.locator('label.ant-radio-button-wrapper-checked', { hasText: text });
    await option.click();
    try {
      await chosen.waitFor({ timeout: 2000 });
    } catch {
      console.warn(`e2e: the choice "${text}" did not show as chosen after a click; clicking again`);
      await option.click();
      await chosen.waitFor({ timeout: 5000 });
    }
  }

  /** Waits until a test's step shows this state (passed, scheduled, failed, ready, locked). */
  async function testState(test, state) {
    await page.locator(`[data-testid="test-step-${test}"][data-state="${state}"]`).waitFor();
  }

  /** Books the next test for today, paying now by `pay` (Cash, Card or Later). */
  async function schedule(test, pay = 'Cash') {
    const button = page.getByTestId('schedule-test');
    assert.match(await button.innerText(), new RegExp(`${test} test`, 'i'));
    await button.click();
    const d = dialog(new RegExp(`Book the ${test} test`, 'i'));
    await dialogReady(d);
    // Today and the signed-in user's office are preselected.
    assert.match(await d.locator('#schedule-test_date').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    await choose(d, pay);
    await d.getByTestId('modal-submit').click();
    await d.waitFor({ state: 'hidden' });
    await testState(test, 'scheduled');
  }

  /** Records the result of the open appointment; results are final, so it is confirmed first. */
  async function record(test, passed, notes) {
    const button = page.getByTestId('record-result');
    await button.waitFor();
    assert.equal(await button.isEnabled(), true, 'record result is enabled once paid and due');
    await button.click();
    const d = dialog(new RegExp(`Result of the ${test} test`, 'i'));
    await dialogReady(d);
    await choose(d, passed ? 'Passed' : 'Failed');
    if (notes) await d.locator('#record-result_notes').fill(notes);
    // Without the confirmation nothing is sent.
    await d.getByTestId('modal-submit').click();
    await d.getByText('Confirm that the result is final.').waitFor();
    await d.locator('#record-result_confirm').check();
    await d.getByTestId('modal-submit').click();
    try {
      await d.waitFor({ state: 'hidden' });
    } catch (e) {
      // Say what the dialog shows (a field error, a refusal) rather than only that it stayed open.
      const text = await shownText(d);
      await page.screenshot({ path: '/tmp/e2e-record-failed.png' }).catch(() => {});
      throw new Error(`the result dialog stayed open, showing: ${text}`, { cause: e });
    }
    await testState(test, passed ? 'passed' : 'failed');
  }

  async function printShot(name) {
    if (!SHOTS) return;
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
    await page.emulateMedia({ media: 'screen' });
  }

  it('signs in as admin and registers a person born in 1990', STEP, async () => {
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.goto(`${BASE_URL}/people/new`);
    await page.getByTestId('person-form').waitFor();
    const values = {
      nationalNo,
      firstNameAr: 'رامي',
      secondNameAr: 'سعيد',
      lastNameAr,
      firstNameEn: 'Rami',
      secondNameEn: 'Saeed',
      lastNameEn,
      address: 'عمّان، ماركا',
    };
    for (const [key, value] of Object.entries(values)) await page.locator(`#person_${key}`).fill(value);
    const dob = page.locator('#person_dateOfBirth');
    await dob.click();
    await dob.fill('1990-03-15');
    await dob.press('Enter');
    await page.getByText('Male', { exact: true }).click();
    await page.getByTestId('person-save').click();
    await page.waitForURL(/\/people\/\d+$/);
  });

  it('opens a class 3 application, paying the application fee in cash', STEP, async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Applications' }).click();
    await page.waitForURL(/\/applications$/);
    await page.getByTestId('applications-table').waitFor();
    await page.getByTestId('new-application').click();
    const d = dialog('New licence application');
    await dialogReady(d);
    await d.locator('#new-application_personId').fill(nationalNo);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: nationalNo })
      .first()
      .click();
    await pickOption(page, 'new-application_licenseClassId', 'Ordinary');
    // The class shows its minimum age and licence fee; the application fee is billed now.
    assert.match(await d.locator('.ant-form-item', { has: page.locator('#new-application_licenseClassId') }).innerText(), /from age 18 · licence fee 20\.000 JOD/);
    assert.match(await d.getByTestId('fee-hint').innerText(), /15\.000 JOD/);
    assert.equal(await d.locator('label.ant-radio-button-wrapper-checked').innerText(), 'Cash');
    await d.getByTestId('modal-submit').click();
    await page.waitForURL(/\/applications\/\d+$/);
    applicationPath = new URL(page.url()).pathname;
    await page.getByTestId('tests-panel').waitFor();
    assert.match(await page.getByTestId('application-type').innerText(), /New local licence/);
    assert.match(await page.getByTestId('application-person').innerText(), new RegExp(lastNameEn));
    assert.match(await page.getByTestId('application-person').innerText(), new RegExp(lastNameAr));
    assert.match(await page.getByTestId('next-step-text').innerText(), /book the vision test/i);
    // The application fee is paid, with its receipt.
    const bills = page.getByTestId('bills');
    await bills.locator('[data-bill-status="paid"]').first().waitFor();
    await bills.getByTestId('receipt-link').first().waitFor();
    await testState('vision', 'ready');
    await testState('written', 'locked');
  });

  it('passes the vision test', STEP, async () => {
    await schedule('vision');
    await record('vision', true, 'Good eyesight.');
    await testState('written', 'ready');
  });

  it('fails the written test', STEP, async () => {
    await schedule('written');
    await record('written', false, 'Eleven of thirty wrong.');
    assert.match(await page.getByTestId('next-step-text').innerText(), /written test attempt failed/i);
    // A test was taken: the application can no longer be cancelled.
    assert.equal(await page.getByTestId('cancel-application').isDisabled(), true);
  });

  it('retakes the written test: attempt 2 with the retake fee, paid afterwards, then passed', STEP, async () => {
    await page.getByTestId('schedule-test').click();
    const d = dialog(/Book the written test/i);
    await d.getByTestId('retake-notice').waitFor();
    await choose(d, 'Later');
    await d.getByTestId('modal-submit').click();
    await d.waitFor({ state: 'hidden' });
    await testState('written', 'scheduled');
    const attempts = page.getByTestId('attempts-written').locator('tbody tr.ant-table-row');
    assert.equal(await attempts.count(), 2);
    assert.equal((await attempts.nth(1).getByTestId('attempt-number').innerText()).trim(), '2');
    assert.match(await attempts.nth(1).innerText(), /Not paid/);
    // Its bill: the written test fee and the retake fee (5.000 JOD), still open.
    const bill = page.getByTestId('bills').locator('[data-bill-status="open"]');
    await bill.waitFor();
    assert.match(await bill.innerText(), /Test retake\s+5\.000 JOD/);
    assert.match(await bill.getByTestId('bill-total').innerText(), /25\.000 JOD/);
    // Not paid: the result cannot be recorded yet, and the page says why.
    assert.match(await page.getByTestId('next-step-text').innerText(), /fee is not paid/i);
    assert.equal(await page.getByTestId('record-result').isDisabled(), true);
    await shot(page, 'application-retake-unpaid-en');
    // Pay it at the counter.
    await bill.getByRole('button', { name: 'Pay this bill' }).click();
    const pay = dialog(/Pay bill/);
    await dialogReady(pay);
    assert.match(await pay.getByTestId('pay-amount').innerText(), /25\.000 JOD/);
    await choose(pay, 'Card');
    await pay.getByTestId('modal-submit').click();
    await pay.waitFor({ state: 'hidden' });
    await page.getByTestId('receipt-notice').waitFor();
    await page.locator('[data-testid="attempts-written"] tbody tr.ant-table-row').nth(1).getByText('Paid', { exact: true }).waitFor();
    await record('written', true);
  });

  it('passes the street test', STEP, async () => {
    await schedule('street');
    await record('street', true, 'Safe driver.');
    assert.match(await page.getByTestId('next-step-text').innerText(), /pay the licence fee/i);
    await shot(page, 'application-tests-en');
  });

  it('pays the licence fee and issues the licence', STEP, async () => {
    await page.getByTestId('next-pay').click();
    const pay = dialog(/Pay bill/);
    await dialogReady(pay);
    assert.match(await pay.getByTestId('pay-amount').innerText(), /20\.000 JOD/);
    await pay.getByTestId('modal-submit').click();
    await pay.waitFor({ state: 'hidden' });
    const notice = page.getByTestId('receipt-notice');
    await notice.waitFor();
    const link = notice.getByTestId('receipt-notice-link');
    receipt = {
      number: decodeURIComponent((await link.getAttribute('href')).split('/').pop()),
      total: '20.000 JOD',
    };
    assert.match(receipt.number, /^RC-\d+$/);
    await page.locator('[data-explanation="issue"]').waitFor();
    await page.getByTestId('issue-license').click();
    const d = dialog('Issue the licence');
    await dialogReady(d);
    await d.getByTestId('modal-submit').click();
    try {
      await page.waitForURL(/\/licenses\/\d+$/);
    } catch (e) {
      // This wait timed out twice in CI and never locally: say what the page showed then (the
      // dialog still open with an error, its button still loading, or the dialog gone).
      const open = await d.isVisible().catch(() => false);
      const shown = open ? d : page.locator('main');
      const text = await shownText(shown);
      await page.screenshot({ path: '/tmp/e2e-issue-failed.png' }).catch(() => {});
      const where = open ? 'the dialog shows' : 'the page shows';
      throw new Error(`no licence page after Issue (at ${page.url()}); ${where}: ${text}`, { cause: e });
    }
    licensePath = new URL(page.url()).pathname;
  });

  it('shows the licence, active', STEP, async () => {
    await page.getByTestId('license-details').waitFor();
    assert.equal(await page.getByTestId('page-title').getByTestId('license-status').getAttribute('data-status'), 'active');
    licenseNumber = (await page.getByTestId('license-number').innerText()).trim();
    assert.match(licenseNumber, /^DL-\d+$/);
    assert.match(await page.getByTestId('license-holder').innerText(), new RegExp(lastNameEn));
    assert.match(await page.getByTestId('status-reason').innerText(), /Valid until/);
    // Renewal opens 90 days before expiry: disabled now, with the reason.
    assert.equal(await page.getByTestId('license-renew').isDisabled(), true);
    assert.equal(await page.getByTestId('license-replace').isEnabled(), true);
    assert.equal(await page.getByTestId('license-permit').isEnabled(), true);
    await shot(page, 'license-en');
    // The licence is listed on the person's driving record and in the licence list.
    await page.goto(`${BASE_URL}/licenses?number=${licenseNumber}`);
    const row = page.getByTestId('licenses-table').locator('tbody tr.ant-table-row', { hasText: licenseNumber });
    await row.waitFor();
    assert.match(await row.innerText(), /Active/);
  });

  it('opens the printable receipt of the licence fee', STEP, async () => {
    await page.goto(`${BASE_URL}/receipts/${encodeURIComponent(receipt.number)}`);
    await page.getByTestId('receipt').waitFor();
    assert.equal((await page.getByTestId('receipt-number').innerText()).trim(), receipt.number);
    assert.equal((await page.getByTestId('receipt-total').innerText()).trim(), receipt.total);
    await page.getByTestId('receipt-person').getByText(lastNameEn, { exact: false }).waitFor();
    const text = await page.getByTestId('receipt').innerText();
    assert.match(text, /Receipt no\./);
    assert.match(text, /رقم الإيصال/);
    await shot(page, 'receipt-en');
    await printShot('receipt-print');
    // Printing hides the navigation and the buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.shell-sider').isVisible(), false);
    assert.equal(await page.getByTestId('print').isVisible(), false);
    assert.equal(await page.getByTestId('receipt').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens the printable licence card', STEP, async () => {
    await page.goto(`${BASE_URL}${licensePath}`);
    await page.getByTestId('print-card').click();
    await page.waitForURL(/\/licenses\/\d+\/card$/);
    await page.getByTestId('license-card').waitFor();
    assert.equal((await page.getByTestId('card-number').innerText()).trim(), licenseNumber);
    assert.match(await page.getByTestId('card-name-en').innerText(), new RegExp(lastNameEn));
    assert.match(await page.getByTestId('card-name-ar').innerText(), new RegExp(lastNameAr));
    assert.match(await page.getByTestId('license-card').innerText(), /Drivers and Vehicles Licensing Department/);
    assert.match(await page.getByTestId('license-card').innerText(), /دائرة ترخيص السواقين والمركبات/);
    await shot(page, 'card-en');
    await printShot('card-print');
    // Credit-card size on paper: 85.6 x 54 mm (323.5 x 204 CSS pixels).
    await page.emulateMedia({ media: 'print' });
    const box = await page.getByTestId('license-card').boundingBox();
    assert.ok(Math.abs(box.width - 323.5) < 2 && Math.abs(box.height - 204.1) < 2, `card is ${box.width}x${box.height}`);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the same pages in Arabic, right to left', STEP, async () => {
    await switchLanguage(page, 'ar');
    await shot(page, 'card-ar');
    await page.goto(`${BASE_URL}${applicationPath}`);
    await testState('street', 'passed');
    assert.match(await page.getByTestId('next-step-text').innerText(), /صدرت الرخصة/);
    await shot(page, 'application-tests-ar');
    await page.goto(`${BASE_URL}${licensePath}`);
    await page.getByTestId('license-details').waitFor();
    assert.equal((await page.getByTestId('page-title').getByTestId('license-status').innerText()).trim(), 'سارية');
    await shot(page, 'license-ar');
    await page.goto(`${BASE_URL}/receipts/${encodeURIComponent(receipt.number)}`);
    await page.getByTestId('receipt').waitFor();
    assert.equal((await page.getByTestId('receipt-total').innerText()).trim(), receipt.total);
    await shot(page, 'receipt-ar');
    // Driving record on the person page.
    await page.goto(`${BASE_URL}${licensePath}`);
    await page.getByTestId('license-holder').click();
    await page.getByRole('tab', { name: 'السجل المروري' }).click();
    await page.getByTestId('record-licenses').getByText(licenseNumber).waitFor();
    await shot(page, 'driving-record-ar');
    await switchLanguage(page, 'en');
  });
});
