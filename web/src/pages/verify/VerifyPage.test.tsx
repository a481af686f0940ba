// @vitest-environment happy-dom
// The public licence check against a mocked server: valid with a genuine code (full name),
// a code that is not genuine, no code, an unknown number, a network failure, the number form,
// and the same page in Arabic.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import i18n from '../../i18n';
import type { LicenseVerification } from '../../api/verify';
import { VerifyPage } from './VerifyPage';

const CODE = 'Zm9vYmFyLXNpZ25hdHVyZQ';

function verification(over: Partial<LicenseVerification> = {}): LicenseVerification {
  return {
    number: 'DL-00000012',
    valid: true,
    status: 'active',
    statusReason: '',
    licenseClass: { code: '3', nameEn: 'Private car', nameAr: 'سيارة خصوصية' },
    issueDate: '2024-05-01',
    expiryDate: '2034-05-01',
    holder: { nameEn: 'M. Al-Abbadi', nameAr: 'م. العبادي', full: false },
    authentic: null,
    checkedAt: '2026-11-28T16:00:00Z',
    ...over,
  };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

/** The server as these tests see it: DL-00000012 exists, CODE is its genuine code. */
function server(url: string): Response {
  const u = new URL(url, 'http://localhost');
  const m = /^\/api\/v1\/verify\/licenses\/([^/]+)$/.exec(u.pathname);
  if (!m) return json(404, { status: 404, code: 'route-not-found' }, 'application/problem+json');
  const number = decodeURIComponent(m[1]);
  if (number !== 'DL-00000012')
    return json(404, { status: 404, code: 'license-not-found', title: 'Not found', detail: `no licence ${number}` }, 'application/problem+json');
  const code = u.searchParams.get('code');
  if (code === null) return json(200, verification());
  if (code === CODE)
    return json(200, verification({ authentic: true, holder: { nameEn: 'Mohammad Khaled Al-Abbadi', nameAr: 'محمد خالد العبادي', full: true } }));
  return json(200, verification({ authentic: false }));
}

let fetchMock: ReturnType<typeof vi.fn>;

function Where() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/verify" element={<VerifyPage />} />
          <Route path="/verify/:number" element={<VerifyPage />} />
        </Routes>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
  fetchMock = vi.fn(async (input: RequestInfo | URL) => server(String(input)));
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('public licence check', () => {
  it('shows a valid licence with a genuine code and the full name', async () => {
    renderAt(`/verify/DL-00000012?code=${CODE}`);
    const result = await screen.findByTestId('verify-result');
    expect(fetchMock).toHaveBeenCalledWith(`/api/v1/verify/licenses/DL-00000012?code=${CODE}`, expect.anything());
    expect(result.dataset.valid).toBe('true');
    expect(result.dataset.authentic).toBe('authentic');
    // Said in words, with an icon, in a live status region: not by colour alone.
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Valid');
    expect(status.textContent).toContain('Issued by the Drivers and Vehicles Licensing Department');
    expect(status.querySelectorAll('.anticon').length).toBe(2);
    expect(screen.getByTestId('verify-status').textContent).toBe('Active');
    expect(screen.getByTestId('verify-holder-en').textContent).toBe('Mohammad Khaled Al-Abbadi');
    expect(screen.getByTestId('verify-holder-ar').textContent).toBe('محمد خالد العبادي');
    expect(screen.getByTestId('verify-holder').dataset.full).toBe('true');
    expect(screen.queryByText('shortened')).toBeNull();
    expect(screen.getByTestId('verify-class').textContent).toBe('Private car');
    expect(screen.getByTestId('verify-issued').textContent).toBe('1 May 2024');
    expect(screen.getByTestId('verify-expires').textContent).toBe('1 May 2034');
    expect(screen.getByTestId('verify-checked-at').querySelector('time')?.getAttribute('datetime')).toBe('2026-11-28T16:00:00Z');
    // No staff menu on a public page.
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByTestId('sign-out')).toBeNull();
  });

  it('says a wrong code is NOT genuine and keeps the name shortened', async () => {
    renderAt('/verify/DL-00000012?code=tampered');
    const result = await screen.findByTestId('verify-result');
    expect(result.dataset.authentic).toBe('forged');
    expect(screen.getByTestId('verify-authenticity').textContent).toContain('This code is NOT genuine');
    // The warning comes before the register's verdict.
    expect(screen.getByRole('status').firstElementChild?.getAttribute('data-testid')).toBe('verify-authenticity');
    expect(screen.getByTestId('verify-holder-en').textContent).toBe('M. Al-Abbadi');
    expect(screen.getByText('shortened')).toBeTruthy();
  });

  it('asks for the QR code when only the number was given', async () => {
    renderAt('/verify/dl-00000012');
    await screen.findByTestId('verify-result');
    // The typed number is upper-cased before asking.
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/verify/licenses/DL-00000012', expect.anything());
    expect(screen.getByTestId('verify-authenticity').dataset.state).toBe('unchecked');
    expect(screen.getByTestId('verify-authenticity').textContent).toContain(
      "Scan the QR code on the licence to see the holder's full name",
    );
  });

  it('shows a licence that is not valid now, with its status and reason', async () => {
    fetchMock.mockImplementation(async () =>
      json(200, verification({ valid: false, status: 'detained', statusReason: 'Detained on 2026-10-01 by the traffic police' })),
    );
    renderAt('/verify/DL-00000012');
    const result = await screen.findByTestId('verify-result');
    expect(result.dataset.valid).toBe('false');
    expect(screen.getByTestId('verify-verdict-word').textContent).toBe('Not valid');
    expect(screen.getByTestId('verify-status').textContent).toBe('Detained');
    expect(screen.getByTestId('verify-reason').textContent).toBe('Detained on 2026-10-01 by the traffic police');
  });

  it('says so when no licence has the number', async () => {
    renderAt('/verify/DL-99999999');
    const box = await screen.findByTestId('verify-not-found');
    expect(box.getAttribute('role')).toBe('status');
    expect(box.textContent).toContain('No licence has the number');
    expect(box.textContent).toContain('DL-99999999');
  });

  it('offers to try again when the server cannot be reached', async () => {
    fetchMock.mockImplementation(async () => {
      throw new TypeError('Failed to fetch');
    });
    renderAt('/verify/DL-00000012');
    const box = await screen.findByTestId('verify-failed');
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.textContent).toContain('The licence could not be checked');
    fetchMock.mockImplementation(async (input: RequestInfo | URL) => server(String(input)));
    fireEvent.click(screen.getByTestId('verify-retry'));
    await screen.findByTestId('verify-result');
  });

  it('checks a typed number from /verify, and refuses what is not a number', async () => {
    renderAt('/verify');
    expect(screen.getByTestId('page-title').textContent).toBe('Check a driving licence');
    const input = screen.getByTestId('verify-number');
    fireEvent.change(input, { target: { value: '../x' } });
    fireEvent.click(screen.getByTestId('verify-submit'));
    await screen.findByText('Type a licence number such as DL-00000012.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('location').textContent).toBe('/verify');
    fireEvent.change(input, { target: { value: ' dl-00000012 ' } });
    fireEvent.click(screen.getByTestId('verify-submit'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/verify/DL-00000012'));
    await screen.findByTestId('verify-result');
  });

  it('speaks Arabic, right to left, with the Arabic name first', async () => {
    await i18n.changeLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    renderAt(`/verify/DL-00000012?code=${CODE}`);
    await screen.findByTestId('verify-result');
    expect(screen.getByTestId('verify-verdict-word').textContent).toBe('سارية');
    expect(screen.getByTestId('verify-authenticity').textContent).toContain('صادرة عن دائرة ترخيص السواقين والمركبات');
    const names = screen.getByTestId('verify-holder').querySelectorAll('[lang]');
    expect(names[0].getAttribute('lang')).toBe('ar');
    expect(screen.getByTestId('verify-class').textContent).toContain('سيارة خصوصية');
    // The language switch is there for a visitor who reads English.
    expect(screen.getByText('English')).toBeTruthy();
  });
});
