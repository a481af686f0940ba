// Query strings and the list envelope shared by every paginated route.

export type QueryValue = string | number | boolean | null | undefined;

/**
 * `?a=1&b=x` from a record, in the record's order. Empty strings, null and undefined are left
 * out (an unset filter is no filter); strings are trimmed; booleans become `true`/`false`.
 * Values are percent-encoded with encodeURIComponent, so a space is `%20` (never `+`) and Arabic
 * text is UTF-8 encoded. Answers '' when nothing is left.
 */
export function buildQuery(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (raw === undefined || raw === null) continue;
    if (typeof raw === 'number' && !Number.isFinite(raw)) continue;
    const value = typeof raw === 'string' ? raw.trim() : String(raw);
    if (value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The answer of every list route. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** The number of matches; only a lower bound when `totalExact` is false. */
  total: number;
  /**
   * False when the server stopped counting (at 1,000 matches, to answer fast on a national
   * register): `total` is then a lower bound and later pages still work. Absent from older servers.
   */
  totalExact?: boolean;
}

export const MAX_PAGE_SIZE = 200;

/** Keeps a page number and page size inside what the server accepts. */
export function clampPaging(page: unknown, pageSize: unknown, defaultSize = 20): { page: number; pageSize: number } {
  const p = Math.floor(Number(page));
  const s = Math.floor(Number(pageSize));
  return {
    page: Number.isFinite(p) && p >= 1 ? p : 1,
    pageSize: Number.isFinite(s) && s >= 1 ? Math.min(s, MAX_PAGE_SIZE) : defaultSize,
  };
}
