// @vitest-environment happy-dom
// Signing out while a page of the shell is open. React Router navigates in a transition, so the
// shell stays mounted, and can re-render, after sign-out has emptied the query cache and before
// /login commits: what it renders in that window must still have the signed-in user (it threw
// "useCurrentUser used outside RequireAuth" and React recovered with error #520).
import { lazy, useState, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../i18n';
import { meQueryKey, type User } from '../api/auth';
import { RequireAuth } from './RequireAuth';
import { useCurrentUser, useLogout } from './useAuth';

const clerk: User = { id: 1, username: 'clerk', role: 'clerk', branchId: 1, permissions: ['people.read'], personId: null };

/** A page of the shell: the user's name, a way to re-render it, and the sign-out button. */
function Shell() {
  const user = useCurrentUser();
  const logout = useLogout();
  const [renders, setRenders] = useState(0);
  return (
    <>
      <span data-testid="user">{user.username}</span>
      <button type="button" onClick={() => setRenders(renders + 1)}>
        re-render
      </button>
      <button type="button" onClick={() => logout.mutate()}>
        sign out
      </button>
    </>
  );
}

/** The app at /admin, with a /login whose code loads when the test says so. */
function renderShell(client: QueryClient) {
  const errors: unknown[] = [];
  const onError = (e: unknown) => void errors.push(e);
  let loaded = () => {};
  const code = new Promise<{ default: () => ReactNode }>((resolve) => {
    loaded = () => resolve({ default: () => <p>login page</p> });
  });
  const LoginPage = lazy(() => code);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/admin']}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            path="/admin"
            element={
              <RequireAuth>
                <Shell />
              </RequireAuth>
            }
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
    { onRecoverableError: onError, onCaughtError: onError },
  );
  return { errors, loginLoaded: () => act(async () => loaded()) };
}

function signedIn(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(meQueryKey, clerk);
  return client;
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(null, { status: 204 })),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RequireAuth', () => {
  it('keeps the user for the shell when the cache is emptied before the shell unmounts', async () => {
    const client = signedIn();
    const { errors } = renderShell(client);
    expect(screen.getByTestId('user').textContent).toBe('clerk');
    // What sign-out does to the cache, then a re-render of the shell (the sign-out button's
    // mutation settling re-renders it) before the navigation to /login has committed.
    act(() => {
      client.removeQueries();
      client.setQueryData(meQueryKey, null);
    });
    fireEvent.click(screen.getByRole('button', { name: 're-render' }));
    expect(screen.getByTestId('user').textContent).toBe('clerk');
    expect(errors).toEqual([]);
  });

  it('signs out to /login without an error on the way', async () => {
    const client = signedIn();
    const { errors, loginLoaded } = renderShell(client);
    fireEvent.click(screen.getByRole('button', { name: 'sign out' }));
    // The navigation waits for /login (here: its code loading); the shell stays, with its user.
    await waitFor(() => expect(client.getQueryData(meQueryKey)).toBeNull());
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(screen.getByTestId('user').textContent).toBe('clerk');
    await loginLoaded();
    await screen.findByText('login page');
    expect(client.getQueryData(meQueryKey)).toBeNull();
    expect(errors).toEqual([]);
  });

  it('sends a visitor whose session ended to /login', async () => {
    const client = signedIn();
    const { errors, loginLoaded } = renderShell(client);
    // A 401 from any request clears the user (api/queryClient.ts).
    act(() => client.setQueryData(meQueryKey, null));
    await loginLoaded();
    await screen.findByText('login page');
    expect(errors).toEqual([]);
  });
});
