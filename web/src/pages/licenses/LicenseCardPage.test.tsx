// @vitest-environment happy-dom
// The printable licence card with its QR code, against a mocked server: the QR carries the
// absolute address of the public check (this site's origin + the server's path); when the
// verification route fails, the card is still shown, without the QR, and a note says why.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../../i18n';
import { meQueryKey } from '../../api/auth';
import { RequireAuth } from '../../auth/RequireAuth';
import { LicenseCardPage } from './LicenseCardPage';

const PATH = '/verify/DL-00000012?code=c2lnbmF0dXJl';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const license = {
  id: 12,
  number: 'DL-00000012',
  personId: 7,
  personNameEn: 'Mohammad Khaled Al-Abbadi',
  personNameAr: 'محمد خالد العبادي',
  licenseClassId: 3,
  issueDate: '2024-05-01',
  expiryDate: '2034-05-01',
  status: 'active',
  statusReason: '',
  issueReason: 'first-time',
  lost: false,
  detention: null,
};

let verification: () => Response;

function server(url: string): Response {
  const path = new URL(url, 'http://localhost').pathname;
  if (path === '/api/v1/licenses/12') return json(200, license);
  if (path === '/api/v1/licenses/12/verification') return verification();
  if (path === '/api/v1/license-classes')
    return json(200, [{ id: 3, code: '3', nameEn: 'Ordinary', nameAr: 'خصوصي', minimumAge: 18, validityYears: 10, fee: 20000, currency: 'JOD' }]);
  return json(404, { status: 404, code: 'route-not-found' });
}

function renderCard() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // Signed in as someone who may read licences but not people (no photo request).
  client.setQueryData(meQueryKey, { id: 1, username: 'clerk', role: 'clerk', branchId: 1, permissions: ['licenses.read'], personId: null });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/licenses/12/card']}>
        <Routes>
          <Route
            path="/licenses/:id/card"
            element={
              <RequireAuth>
                <LicenseCardPage />
              </RequireAuth>
            }
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
  verification = () => json(200, { number: 'DL-00000012', code: 'c2lnbmF0dXJl', path: PATH });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => server(String(input))),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('licence card QR code', () => {
  it('encodes the absolute verification address, with its caption in both languages', async () => {
    renderCard();
    const qr = await screen.findByTestId('card-qr');
    expect(qr.dataset.verifyUrl).toBe(window.location.origin + PATH);
    const img = qr.querySelector('img');
    expect(img?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(img?.getAttribute('alt')).toContain('DL-00000012');
    expect(qr.textContent).toContain('Scan to verify');
    expect(qr.textContent).toContain('امسح للتحقق');
    // It sits on the card, and the address is shown (not printed) for staff to check.
    expect(screen.getByTestId('license-card').contains(qr)).toBe(true);
    expect(screen.getByTestId('card-qr-link').getAttribute('href')).toBe(window.location.origin + PATH);
    expect(screen.queryByTestId('card-qr-missing')).toBeNull();
  });

  it('shows the card without the QR and a note when the verification route fails', async () => {
    verification = () => json(500, { status: 500, title: 'Internal Server Error' });
    renderCard();
    await screen.findByTestId('card-qr-missing');
    expect(screen.getByTestId('card-number').textContent).toBe('DL-00000012');
    expect(screen.getByTestId('card-name-en').textContent).toBe('Mohammad Khaled Al-Abbadi');
    await waitFor(() => expect(screen.queryByTestId('card-qr')).toBeNull());
    expect(screen.getByTestId('card-qr-missing').className).toContain('no-print');
  });

  it('refuses a path that would send the QR to another site', async () => {
    verification = () => json(200, { number: 'DL-00000012', code: 'x', path: '//evil.example/verify' });
    renderCard();
    await screen.findByTestId('card-qr-missing');
    expect(screen.queryByTestId('card-qr')).toBeNull();
  });
});
