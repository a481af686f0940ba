import { describe, expect, it } from 'vitest';
import { buildQuery, clampPaging } from './query';

describe('buildQuery', () => {
  it('keeps order and leaves out unset values', () => {
    expect(buildQuery({ q: 'abc', page: 2, pageSize: 20, sort: undefined, role: null, branchId: '' })).toBe(
      '?q=abc&page=2&pageSize=20',
    );
    expect(buildQuery({})).toBe('');
    expect(buildQuery({ q: '   ' })).toBe('');
  });
  it('writes booleans and zero', () => {
    expect(buildQuery({ active: false, page: 0 })).toBe('?active=false&page=0');
    expect(buildQuery({ active: true })).toBe('?active=true');
    expect(buildQuery({ n: Number.NaN })).toBe('');
  });
  it('percent-encodes spaces, reserved characters and Arabic', () => {
    expect(buildQuery({ q: 'Omar Ali' })).toBe('?q=Omar%20Ali');
    expect(buildQuery({ q: '+962 79&x=1' })).toBe('?q=%2B962%2079%26x%3D1');
    expect(buildQuery({ q: 'عمر' })).toBe('?q=%D8%B9%D9%85%D8%B1');
    expect(buildQuery({ sort: '-name' })).toBe('?sort=-name');
  });
  it('trims strings', () => {
    expect(buildQuery({ q: '  9871234567 ' })).toBe('?q=9871234567');
  });
});

describe('clampPaging', () => {
  it('keeps values the server accepts', () => {
    expect(clampPaging('3', '50')).toEqual({ page: 3, pageSize: 50 });
    expect(clampPaging(null, undefined)).toEqual({ page: 1, pageSize: 20 });
    expect(clampPaging('-1', '1000')).toEqual({ page: 1, pageSize: 200 });
    expect(clampPaging('x', '0', 10)).toEqual({ page: 1, pageSize: 10 });
  });
});
