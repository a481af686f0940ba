import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, isRouteMissing, unlessRouteMissing } from './client';
import { fetchMe } from './auth';

function respond(status: number, body: string, contentType = 'application/json') {
  return vi.fn(async () => new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': contentType } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('apiRequest', () => {
  it('sends JSON with the session cookie and parses the answer', async () => {
    const fetchMock = respond(200, '{"status":"ok","version":"0.1.0"}');
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiRequest('/health')).resolves.toEqual({ status: 'ok', version: '0.1.0' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/health');
    expect(init.credentials).toBe('same-origin');
  });

  it('turns problem+json into an ApiError with its code', async () => {
    vi.stubGlobal(
      'fetch',
      respond(401, '{"type":"x","title":"Unauthorized","status":401,"code":"invalid-credentials","detail":"bad"}', 'application/problem+json'),
    );
    const err = await apiRequest('/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(401);
    expect((err as ApiError).code).toBe('invalid-credentials');
  });

  it('derives a code for a bare 429 and for a network failure', async () => {
    vi.stubGlobal('fetch', respond(429, ''));
    expect(((await apiRequest('/x').catch((e: unknown) => e)) as ApiError).code).toBe('too-many-requests');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const err = (await apiRequest('/x').catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(0);
    expect(err.code).toBe('network');
  });

  it('resolves undefined for 204', async () => {
    vi.stubGlobal('fetch', respond(204, ''));
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});

describe('fetchMe', () => {
  it('answers null when not signed in', async () => {
    vi.stubGlobal('fetch', respond(401, '{"status":401,"code":"unauthenticated"}'));
    await expect(fetchMe()).resolves.toBeNull();
  });
  it('still throws on other failures', async () => {
    vi.stubGlobal('fetch', respond(503, ''));
    await expect(fetchMe()).rejects.toBeInstanceOf(ApiError);
  });
});

describe('unlessRouteMissing', () => {
  it('turns a route the server lacks (404 route-not-found, 405) into feature-unavailable', async () => {
    vi.stubGlobal('fetch', respond(404, '{"status":404,"code":"route-not-found","detail":"No such API route"}'));
    const missing = (await unlessRouteMissing(apiRequest('/violation-types/7', { method: 'PUT', body: {} })).catch((e: unknown) => e)) as ApiError;
    expect(missing.code).toBe('feature-unavailable');
    expect(missing.status).toBe(404);
    vi.stubGlobal('fetch', respond(405, ''));
    const notAllowed = (await unlessRouteMissing(apiRequest('/x', { method: 'PUT', body: {} })).catch((e: unknown) => e)) as ApiError;
    expect(notAllowed.code).toBe('feature-unavailable');
  });

  it('leaves other refusals alone, a missing record included', async () => {
    vi.stubGlobal('fetch', respond(404, '{"status":404,"code":"violation-type-not-found"}'));
    const gone = (await unlessRouteMissing(apiRequest('/violation-types/99', { method: 'PUT', body: {} })).catch((e: unknown) => e)) as ApiError;
    expect(gone.code).toBe('violation-type-not-found');
    expect(isRouteMissing(gone)).toBe(false);
    vi.stubGlobal('fetch', respond(200, '{"id":7}'));
    await expect(unlessRouteMissing(apiRequest('/violation-types/7'))).resolves.toEqual({ id: 7 });
  });
});
