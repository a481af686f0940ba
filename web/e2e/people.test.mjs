// Browser test of People: register a person with Arabic and English names, see them exactly as
// typed, find them by Arabic name prefix and by national number, edit the phone, and see a
// duplicate national number refused on its field. Then the same pages in Arabic (right to left).
// Environment: see e2e/helpers.mjs.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_PASSWORD,
  BASE_URL,
  STEP,
  assertNoPageErrors,
  checkEnv,
  fieldError,
  launch,
  newPage,
  shot,
  signIn,
  switchLanguage,
  uniqueDigits,
} from './helpers.mjs';

// A name part unique to this run, made of Arabic (or Latin) letters only, from digits.
const AR_LETTERS = 'بتثجحخدذرز';
const EN_LETTERS = 'abcdefghij';
const spell = (digits, letters) => [...digits].map((d) => letters[Number(d)]).join('');

describe('people', { timeout: 240_000 }, () => {
  let browser;
  let context;
  let page;
  const nationalNo = uniqueDigits(10);
  const tag = nationalNo.slice(-6);
  const person = {
    firstNameAr: 'سليم',
    secondNameAr: 'عبد الله',
    thirdNameAr: 'يوسف',
    lastNameAr: `ال${spell(tag, AR_LETTERS)}`,
    firstNameEn: 'Saleem',
    secondNameEn: 'Abd Allah',
    thirdNameEn: 'Yousef',
    lastNameEn: `Al-${spell(tag, EN_LETTERS).replace(/^./, (c) => c.toUpperCase())}`,
    dateOfBirth: '1992-04-17',
    address: 'عمّان، جبل الحسين',
    phone: '+962791112233',
    email: `saleem.${tag}@example.jo`,
  };
  const fullAr = `${person.firstNameAr} ${person.secondNameAr} ${person.thirdNameAr} ${person.lastNameAr}`;
  const fullEn = `${person.firstNameEn} ${person.secondNameEn} ${person.thirdNameEn} ${person.lastNameEn}`;
  let personPath = '';

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

  /** Searches from the list page and waits until the table shows this search's answer. */
  async function search(q) {
    await page.goto(`${BASE_URL}/people`);
    const box = page.locator('#people-search');
    await box.fill(q);
    const answered = page.waitForResponse(
      (res) => {
        const url = new URL(res.url());
        return url.pathname === '/api/v1/people' && url.searchParams.get('q') === q;
      },
      { timeout: 10_000 },
    );
    await box.press('Enter');
    const res = await answered;
    assert.equal(res.status(), 200, `GET /api/v1/people?q=${q}`);
    const { total } = await res.json();
    await page.waitForFunction(
      (n) =>
        !document.querySelector('.people-table .ant-spin-spinning') &&
        document.querySelectorAll('.people-table tbody tr.ant-table-row').length === n,
      Math.min(total, 20),
    );
    return total;
  }

  it('signs in as admin and opens People from the navigation', STEP, async () => {
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'People' }).click();
    await page.waitForURL(/\/people$/);
    assert.equal((await page.getByTestId('page-title').innerText()).trim(), 'People');
    await page.getByTestId('people-table').waitFor();
    await shot(page, 'people-list-en');
  });

  it('registers a person with Arabic and English names', STEP, async () => {
    await page.getByTestId('register-person').click();
    await page.waitForURL(/\/people\/new$/);
    const form = page.getByTestId('person-form');
    await form.waitFor();
    // Jordan is the default nationality: the national number is asked for.
    await page.locator('#person_nationalNo').fill(nationalNo);
    for (const key of ['firstNameAr', 'secondNameAr', 'thirdNameAr', 'lastNameAr', 'firstNameEn', 'secondNameEn', 'thirdNameEn', 'lastNameEn']) {
      await page.locator(`#person_${key}`).fill(person[key]);
    }
    // Arabic inputs run right to left and English ones left to right, whatever the interface.
    assert.equal(await page.locator('#person_firstNameAr').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('#person_firstNameEn').getAttribute('dir'), 'ltr');
    const dob = page.locator('#person_dateOfBirth');
    await dob.click();
    await dob.fill(person.dateOfBirth);
    await dob.press('Enter');
    await page.getByText('Male', { exact: true }).click();
    await page.locator('#person_address').fill(person.address);
    await page.locator('#person_phone').fill(person.phone);
    await page.locator('#person_email').fill(person.email);
    await shot(page, 'person-form-en');
    await page.getByTestId('person-save').click();
    await page.waitForURL(/\/people\/\d+$/);
    personPath = new URL(page.url()).pathname;
  });

  it('shows the person page with both names exactly as typed', STEP, async () => {
    await page.getByTestId('names-table').waitFor();
    const text = async (id) => (await page.getByTestId(id).innerText()).trim();
    for (const part of ['first', 'second', 'third', 'last']) {
      assert.equal(await text(`${part}-name-ar`), person[`${part}NameAr`]);
      assert.equal(await text(`${part}-name-en`), person[`${part}NameEn`]);
    }
    assert.equal(await text('full-name-ar'), fullAr);
    assert.equal(await text('full-name-en'), fullEn);
    assert.equal(await page.getByTestId('full-name-ar').getAttribute('dir'), 'rtl');
    assert.equal(await text('national-no'), nationalNo);
    assert.equal(await text('phone'), person.phone);
    assert.equal((await page.getByTestId('page-title').innerText()).trim(), fullEn);
    await shot(page, 'person-page-en');
  });

  it('finds the person by an Arabic name prefix', STEP, async () => {
    // First name and the start of the (run-unique) family name, in Arabic.
    await search(`${person.firstNameAr} ${person.lastNameAr.slice(0, -2)}`);
    const row = page.locator('.people-table tbody tr', { hasText: nationalNo });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(person.lastNameAr));
    await shot(page, 'people-search-ar-prefix');
    // A click on the row opens the person.
    await row.locator('td').first().click();
    await page.waitForURL((url) => url.pathname === personPath);
  });

  it('finds the person by national number', STEP, async () => {
    assert.equal(await search(nationalNo), 1);
    const rows = page.locator('.people-table tbody tr.ant-table-row');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), new RegExp(nationalNo));
    assert.match(await rows.first().innerText(), new RegExp(person.firstNameEn));
  });

  it('edits the phone', STEP, async () => {
    await page.goto(`${BASE_URL}${personPath}`);
    await page.getByTestId('person-edit').click();
    await page.waitForURL(/\/edit$/);
    const phone = page.locator('#person_phone');
    await phone.waitFor();
    assert.equal(await phone.inputValue(), person.phone);
    // Typed the local way; the app (and the server) store it in international form.
    await phone.fill('0781234567');
    await page.getByTestId('person-save').click();
    await page.waitForURL((url) => url.pathname === personPath);
    await page.getByTestId('phone').waitFor();
    assert.equal((await page.getByTestId('phone').innerText()).trim(), '+962781234567');
    // The names did not change.
    assert.equal((await page.getByTestId('full-name-ar').innerText()).trim(), fullAr);
  });

  it('refuses a duplicate national number on its field', STEP, async () => {
    await page.goto(`${BASE_URL}/people/new`);
    await page.locator('#person_nationalNo').fill(nationalNo);
    const other = { firstNameAr: 'ليلى', secondNameAr: 'حسن', lastNameAr: 'النجار', firstNameEn: 'Layla', secondNameEn: 'Hasan', lastNameEn: 'Al-Najjar' };
    for (const [key, value] of Object.entries(other)) await page.locator(`#person_${key}`).fill(value);
    const dob = page.locator('#person_dateOfBirth');
    await dob.click();
    await dob.fill('1988-09-09');
    await dob.press('Enter');
    await page.getByText('Female', { exact: true }).click();
    await page.getByTestId('person-save').click();
    const error = fieldError(page, 'person_nationalNo');
    await error.first().waitFor();
    assert.match(await error.first().innerText(), /already registered/i);
    assert.match(page.url(), /\/people\/new$/, 'stays on the form');
    await shot(page, 'person-form-duplicate-en');
  });

  it('shows the same pages in Arabic, right to left', STEP, async () => {
    await page.goto(`${BASE_URL}${personPath}`);
    await page.getByTestId('names-table').waitFor();
    await switchLanguage(page, 'ar');
    // The title is the Arabic name; the names table is unchanged.
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid="page-title"]')?.textContent?.includes(name),
      fullAr,
    );
    assert.equal((await page.getByTestId('full-name-en').innerText()).trim(), fullEn);
    await shot(page, 'person-page-ar');
    await page.getByTestId('person-edit').click();
    await page.locator('#person_firstNameAr').waitFor();
    assert.equal(await page.locator('#person_firstNameEn').getAttribute('dir'), 'ltr');
    await shot(page, 'person-form-ar');
    await search(person.firstNameAr);
    await page.locator('.people-table tbody tr', { hasText: nationalNo }).waitFor();
    assert.equal((await page.getByTestId('page-title').innerText()).trim(), 'الأشخاص');
    await shot(page, 'people-list-ar');
    // Leave the next test (and a rerun) an English browser.
    await switchLanguage(page, 'en');
  });
});
