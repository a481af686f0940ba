// Browser test of the public licence check: as admin, a licence is issued through the API
// (person, class 3 application, three tests passed, fees paid in cash); its printable card
// carries a QR code whose address is the public check with the department's signed code. Then,
// in a fresh browser with no session: that address says valid, authentic and the full name; the
// same number with a broken code says NOT genuine with the name shortened; the number alone asks
// for the QR; an unknown number is not found; the form at /verify checks a typed number. In
// English and Arabic, on a desktop and on a phone-sized screen.
// Environment: see e2e/helpers.mjs.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  ADMIN_PASSWORD,
  BASE_URL,
  SHOTS,
  STEP,
  WAIT,
  assertNoPageErrors,
  checkEnv,
  launch,
  newPage,
  serverToday,
  shot,
  signIn,
  uniqueDigits,
} from './helpers.mjs';

const AR_LETTERS = 'بتثجحخدذرز';
const EN_LETTERS = 'abcdefghij';
const spell = (digits, letters) => [...digits].map((d) => letters[Number(d)]).join('');

describe('public licence check', { timeout: 300_000 }, () => {
  let browser;
  let staff; // signed-in context
  let page;
  const nationalNo = `1988${uniqueDigits(6)}`;
  const tag = nationalNo.slice(-6);
  const lastNameEn = `Al-${spell(tag, EN_LETTERS).replace(/^./, (c) => c.toUpperCase())}`;
  const lastNameAr = `ال${spell(tag, AR_LETTERS)}`;
  let license; // { id, number }
  let verifyUrl = '';

  before(async () => {
    checkEnv();
    browser = await launch();
    ({ context: staff, page } = await newPage(browser));
  });

  after(async () => {
    await staff?.close();
    await browser?.close();
  });

  // A step fails on an uncaught error in the page, even when what it checks shows.
  afterEach(() => assertNoPageErrors(page));

  /** A JSON request as the signed-in admin; asserts the status and answers the body. */
  async function api(method, path, data, status = 200) {
    const res = await staff.request.fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      data,
      headers: method === 'POST' ? { 'Idempotency-Key': randomUUID() } : {},
      timeout: 15_000,
    });
    assert.equal(res.status(), status, `${method} ${path}: ${await res.text()}`);
    return res.json();
  }

  /** A signed-out browser (its own context: no session cookie), English or Arabic, desktop or phone. */
  async function visitor(lang = 'en', phone = false) {
    const context = await browser.newContext({
      viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
      deviceScaleFactor: phone ? 2 : 1,
      isMobile: phone,
      hasTouch: phone,
      locale: lang === 'ar' ? 'ar-JO' : 'en-US',
    });
    context.setDefaultTimeout(WAIT);
    return { context, page: await context.newPage() };
  }

  it('issues a class 3 licence through the API', STEP, async () => {
    await signIn(page, 'admin', ADMIN_PASSWORD);
    const person = await api(
      'POST',
      '/people',
      {
        nationalNo,
        documentType: null,
        documentNo: null,
        firstNameAr: 'ليث',
        secondNameAr: 'خالد',
        thirdNameAr: 'سعيد',
        lastNameAr,
        firstNameEn: 'Laith',
        secondNameEn: 'Khaled',
        thirdNameEn: 'Saeed',
        lastNameEn,
        dateOfBirth: '1988-02-20',
        gender: 'male',
        nationalityCode: 'JO',
        address: 'عمّان، الشميساني',
        phone: null,
        email: null,
      },
      201,
    );
    const branches = await api('GET', '/branches');
    const branchId = (branches.items ?? branches)[0].id;
    const application = await api(
      'POST',
      '/applications/local-license',
      { personId: person.id, licenseClassId: 3, payment: { method: 'cash' } },
      201,
    );
    for (const testType of ['vision', 'written', 'street']) {
      const appointment = await api(
        'POST',
        `/applications/${application.id}/appointments`,
        { testType, date: await serverToday(page), branchId, payment: { method: 'cash' } },
        201,
      );
      await api('POST', `/appointments/${appointment.id}/result`, { passed: true, notes: 'e2e' });
    }
    license = await api('POST', `/applications/${application.id}/issue`, { payment: { method: 'cash' } }, 201);
    assert.match(license.number, /^DL-\d+$/);
    assert.equal(license.status, 'active');
  });

  it('prints the card with a QR code of the public check', STEP, async () => {
    await page.goto(`${BASE_URL}/licenses/${license.id}/card`);
    const qr = page.getByTestId('card-qr');
    await qr.waitFor();
    verifyUrl = await qr.getAttribute('data-verify-url');
    const expected = new URL(`/verify/${license.number}`, BASE_URL).href;
    assert.ok(verifyUrl.startsWith(`${expected}?code=`), verifyUrl);
    // The address is the one the server gives for this licence.
    const link = await api('GET', `/licenses/${license.id}/verification`);
    assert.equal(verifyUrl, BASE_URL + link.path);
    assert.match(await qr.locator('img').getAttribute('src'), /^data:image\/svg\+xml/);
    assert.match(await qr.innerText(), /Scan to verify/);
    assert.match(await qr.innerText(), /امسح للتحقق/);
    assert.equal(await page.getByTestId('card-qr-missing').count(), 0);
    // On paper the QR stays on the 85.6 x 54 mm card, and the staff-only address line is hidden.
    await page.emulateMedia({ media: 'print' });
    const card = await page.getByTestId('license-card').boundingBox();
    const code = await qr.locator('img').boundingBox();
    assert.ok(code.x >= card.x && code.x + code.width <= card.x + card.width + 0.5, 'QR inside the card (x)');
    assert.ok(code.y >= card.y && code.y + code.height <= card.y + card.height + 0.5, 'QR inside the card (y)');
    assert.ok(code.width > 55 && code.width < 70, `QR is ${code.width}px (about 16 mm) wide`);
    assert.equal(await page.getByTestId('card-qr-link').isVisible(), false);
    if (SHOTS) {
      await page.screenshot({ path: join(SHOTS, 'verify-card-print.png'), fullPage: true });
    }
    await page.emulateMedia({ media: 'screen' });
    await shot(page, 'verify-card-en');
  });

  it('a visitor who scans the QR sees a valid, authentic licence with the full name', STEP, async () => {
    const { context, page: p } = await visitor('en');
    try {
      await p.goto(verifyUrl);
      const result = p.getByTestId('verify-result');
      await result.waitFor();
      assert.equal(await result.getAttribute('data-valid'), 'true');
      assert.equal(await result.getAttribute('data-authentic'), 'authentic');
      const status = p.getByRole('status');
      assert.match(await status.innerText(), /Valid/);
      assert.match(await status.innerText(), /Issued by the Drivers and Vehicles Licensing Department/);
      assert.equal(await p.getByTestId('verify-holder').getAttribute('data-full'), 'true');
      assert.equal((await p.getByTestId('verify-holder-en').innerText()).trim(), `Laith Khaled Saeed ${lastNameEn}`);
      assert.equal((await p.getByTestId('verify-holder-ar').innerText()).trim(), `ليث خالد سعيد ${lastNameAr}`);
      assert.equal((await p.getByTestId('verify-status').innerText()).trim(), 'Active');
      assert.match(await p.getByTestId('verify-class').innerText(), /Ordinary/);
      // Public: no staff navigation, no sign-out, and no redirect to the sign-in page.
      assert.equal(await p.getByRole('navigation').count(), 0);
      assert.equal(await p.getByTestId('sign-out').count(), 0);
      assert.match(p.url(), /\/verify\//);
      await shot(p, 'verify-authentic-en-desktop');
      // The same check in Arabic, right to left, with the language switch.
      await p.locator('.language-switch').getByText('العربية', { exact: true }).click();
      await p.waitForFunction(() => document.documentElement.dir === 'rtl');
      assert.equal((await p.getByTestId('verify-verdict-word').innerText()).trim(), 'سارية');
      assert.match(await p.getByTestId('verify-authenticity').innerText(), /صادرة عن دائرة ترخيص السواقين والمركبات/);
      await shot(p, 'verify-authentic-ar-desktop');
    } finally {
      await context.close();
    }
    for (const lang of ['ar', 'en']) {
      const phone = await visitor(lang, true);
      try {
        await phone.page.goto(verifyUrl);
        await phone.page.getByTestId('verify-result').waitFor();
        // Nothing wider than the screen.
        const wide = await phone.page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= 390, `page is ${wide}px wide on a 390px screen`);
        await shot(phone.page, `verify-authentic-${lang}-phone`);
      } finally {
        await phone.context.close();
      }
    }
  });

  it('a broken code is NOT genuine and the name stays shortened', STEP, async () => {
    const broken = new URL(verifyUrl);
    const code = broken.searchParams.get('code');
    // Change one character in the middle of the signature.
    const i = Math.floor(code.length / 2);
    broken.searchParams.set('code', code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1));
    const { context, page: p } = await visitor('en');
    try {
      await p.goto(broken.href);
      const result = p.getByTestId('verify-result');
      await result.waitFor();
      assert.equal(await result.getAttribute('data-authentic'), 'forged');
      assert.match(await p.getByTestId('verify-authenticity').innerText(), /This code is NOT genuine/);
      assert.equal(await p.getByTestId('verify-holder').getAttribute('data-full'), 'false');
      const shortName = (await p.getByTestId('verify-holder-en').innerText()).trim();
      assert.ok(shortName.includes(lastNameEn) && !shortName.includes('Khaled'), shortName);
      await shot(p, 'verify-forged-en-desktop');
      // Without any code: still valid, but the visitor is asked to scan the QR.
      await p.goto(`${BASE_URL}/verify/${license.number}`);
      await p.locator('[data-testid="verify-authenticity"][data-state="unchecked"]').waitFor();
      assert.match(await p.getByTestId('verify-authenticity').innerText(), /Scan the QR code on the licence/);
      assert.equal(await p.getByTestId('verify-result').getAttribute('data-valid'), 'true');
    } finally {
      await context.close();
    }
    const ar = await visitor('ar', true);
    try {
      await ar.page.goto(broken.href);
      await ar.page.getByTestId('verify-result').waitFor();
      assert.match(await ar.page.getByTestId('verify-authenticity').innerText(), /هذا الرمز غير أصلي/);
      await shot(ar.page, 'verify-forged-ar-phone');
    } finally {
      await ar.context.close();
    }
  });

  it('an unknown number is not found, and /verify checks a typed number', STEP, async () => {
    const { context, page: p } = await visitor('en');
    try {
      await p.goto(`${BASE_URL}/verify/DL-99${uniqueDigits(6)}`);
      const box = p.getByTestId('verify-not-found');
      await box.waitFor();
      assert.match(await box.innerText(), /No licence has the number DL-99/);
      await shot(p, 'verify-not-found-en-desktop');
      await p.goto(`${BASE_URL}/verify`);
      await p.getByTestId('verify-number').fill(` ${license.number.toLowerCase()} `);
      await p.getByTestId('verify-number').press('Enter');
      await p.waitForURL(new RegExp(`/verify/${license.number}$`));
      await p.getByTestId('verify-result').waitFor();
      assert.equal(await p.getByTestId('verify-authenticity').getAttribute('data-state'), 'unchecked');
    } finally {
      await context.close();
    }
    const ar = await visitor('ar', true);
    try {
      await ar.page.goto(`${BASE_URL}/verify`);
      await ar.page.getByTestId('verify-form').waitFor();
      await shot(ar.page, 'verify-form-ar-phone');
      await ar.page.goto(`${BASE_URL}/verify/DL-0`);
      await ar.page.getByTestId('verify-not-found').waitFor();
      await shot(ar.page, 'verify-not-found-ar-phone');
    } finally {
      await ar.context.close();
    }
  });
});
