import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { errorMessage, serverDetail } from './errors';

const dict: Record<string, string> = {
  'errors.invalid-credentials': 'wrong',
  'errors.too-many-requests': 'slow down',
  'errors.generic': 'failed {{status}}',
};
const t = ((key: string, opts?: { status?: unknown }) =>
  (dict[key] ?? key).replace('{{status}}', String(opts?.status))) as unknown as TFunction;
const exists = (k: string) => k in dict;

describe('errorMessage', () => {
  it('translates known problem codes', () => {
    expect(errorMessage(t, new ApiError(401, { code: 'invalid-credentials', title: 'Unauthorized' }), exists)).toBe('wrong');
    expect(errorMessage(t, new ApiError(429, {}), exists)).toBe('slow down');
  });
  it("falls back to the server's detail, then title, then a generic line", () => {
    expect(errorMessage(t, new ApiError(409, { code: 'x', title: 'T', detail: 'D' }), exists)).toBe('D');
    expect(errorMessage(t, new ApiError(409, { code: 'x', title: 'T' }), exists)).toBe('T');
    expect(errorMessage(t, new ApiError(500, {}), exists)).toBe('failed 500');
  });
});

describe('serverDetail', () => {
  it("adds the server's explanation of a 409 when it says more", () => {
    const e = new ApiError(409, { code: 'too-early-to-renew', detail: 'A licence can be renewed from 90 days before it expires (from 2036-08-30).' });
    expect(serverDetail(e, 'Too early.')).toBe('A licence can be renewed from 90 days before it expires (from 2036-08-30).');
    expect(serverDetail(e, e.problem.detail)).toBeNull();
  });
  it('stays silent for other errors', () => {
    expect(serverDetail(new ApiError(422, { detail: 'One or more fields are invalid.' }), 'x')).toBeNull();
    expect(serverDetail(new ApiError(409, {}), 'x')).toBeNull();
    expect(serverDetail(new Error('x'), 'y')).toBeNull();
  });
});
