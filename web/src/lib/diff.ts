// Side-by-side comparison of an audit entry's before and after records.

export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  /** Present on one side only, or different (compared as JSON). */
  changed: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Rows for the union of keys: the after record's order first, then keys only in before. */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  return keys.map((key) => {
    const inB = key in b;
    const inA = key in a;
    const changed = inB !== inA || JSON.stringify(b[key]) !== JSON.stringify(a[key]);
    return { key, before: inB ? b[key] : undefined, after: inA ? a[key] : undefined, changed };
  });
}

/** A value as one line of text: strings as they are, everything else as JSON; absent is ''. */
export function showValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
