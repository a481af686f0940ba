// @vitest-environment happy-dom
// People search when the server stopped counting (totalExact: false): "More than 1,000 people"
// instead of a count, and Next stays enabled past the counted thousand.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../../i18n';
import { meQueryKey } from '../../api/auth';
import { RequireAuth } from '../../auth/RequireAuth';
import { PeopleListPage } from './PeopleListPage';

const person = (id: number) => ({
  id,
  nationalNo: String(1990000000 + id),
  documentType: null,
  documentNo: null,
  firstNameAr: 'سامي',
  secondNameAr: 'علي',
  thirdNameAr: null,
  lastNameAr: 'العبادي',
  firstNameEn: 'Sami',
  secondNameEn: 'Ali',
  thirdNameEn: null,
  lastNameEn: 'Al-Abbadi',
  fullNameAr: 'سامي علي العبادي',
  fullNameEn: 'Sami Ali Al-Abbadi',
  dateOfBirth: '1990-01-01',
  gender: 'male',
  nationalityCode: 'JO',
  address: 'عمّان',
  phone: null,
  email: null,
  deceased: false,
  hasPhoto: false,
  photoUrl: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

let page: { total: number; totalExact?: boolean; count: number };

function server(url: string): Response {
  const u = new URL(url, 'http://localhost');
  const body =
    u.pathname === '/api/v1/people'
      ? {
          items: Array.from({ length: page.count }, (_, i) => person(i + 1)),
          page: Number(u.searchParams.get('page') ?? 1),
          pageSize: 20,
          total: page.total,
          ...(page.totalExact === undefined ? {} : { totalExact: page.totalExact }),
        }
      : u.pathname === '/api/v1/countries'
        ? [{ code: 'JO', nameEn: 'Jordan', nameAr: 'الأردن' }]
        : null;
  return new Response(JSON.stringify(body), { status: body ? 200 : 404, headers: { 'Content-Type': 'application/json' } });
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(meQueryKey, { id: 1, username: 'clerk', role: 'clerk', branchId: 1, permissions: ['people.read'], personId: null });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            path="/people"
            element={
              <RequireAuth>
                <PeopleListPage />
              </RequireAuth>
            }
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => server(String(input))));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const nextDisabled = () => document.querySelector('.ant-pagination-next')?.getAttribute('aria-disabled');

describe('people search totals', () => {
  it('says "More than 1,000 people" and keeps Next enabled past the thousand', async () => {
    await i18n.changeLanguage('en');
    page = { total: 1000, totalExact: false, count: 20 };
    renderAt('/people?q=al&page=50');
    await screen.findByText('More than 1,000 people');
    expect(nextDisabled()).toBe('false');
  });

  it('says it in Arabic with Western digits', async () => {
    await i18n.changeLanguage('ar');
    page = { total: 1000, totalExact: false, count: 20 };
    renderAt('/people?q=al');
    await screen.findByText('أكثر من 1,000 شخص');
  });

  it('gives the exact count otherwise, and ends on the last page', async () => {
    await i18n.changeLanguage('en');
    page = { total: 37, totalExact: true, count: 17 };
    renderAt('/people?q=al&page=2');
    await screen.findByText('Total: 37');
    await waitFor(() => expect(nextDisabled()).toBe('true'));
  });
});
