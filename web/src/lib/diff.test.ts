import { describe, expect, it } from 'vitest';
import { diffRecords, showValue } from './diff';

describe('diffRecords', () => {
  it('marks changed, added and removed keys', () => {
    const rows = diffRecords({ phone: '+1', name: 'a', gone: 1 }, { name: 'a', phone: '+2', added: true });
    expect(rows).toEqual([
      { key: 'name', before: 'a', after: 'a', changed: false },
      { key: 'phone', before: '+1', after: '+2', changed: true },
      { key: 'added', before: undefined, after: true, changed: true },
      { key: 'gone', before: 1, after: undefined, changed: true },
    ]);
  });
  it('handles a creation and a deletion', () => {
    expect(diffRecords(null, { a: 1 })).toEqual([{ key: 'a', before: undefined, after: 1, changed: true }]);
    expect(diffRecords({ a: 1 }, null)).toEqual([{ key: 'a', before: 1, after: undefined, changed: true }]);
    expect(diffRecords(null, null)).toEqual([]);
  });
  it('compares nested values by content', () => {
    expect(diffRecords({ x: { y: [1] } }, { x: { y: [1] } })[0]?.changed).toBe(false);
  });
});

describe('showValue', () => {
  it('writes values as text', () => {
    expect(showValue('عمر')).toBe('عمر');
    expect(showValue(null)).toBe('null');
    expect(showValue(15000)).toBe('15000');
    expect(showValue(undefined)).toBe('');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
