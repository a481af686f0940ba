// Filters and paging kept in the address (so Back returns to the same list): read a parameter,
// and change several at once (empty values are removed).
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | number | null | undefined>) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined || v === null || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        return next;
      });
    },
    [setParams],
  );
  /** A positive integer parameter, or undefined. */
  const id = (name: string): number | undefined => {
    const n = Number(params.get(name));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  /** A parameter that must be one of `allowed`, or undefined. */
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const v = params.get(name);
    return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
  };
  /** A YYYY-MM-DD parameter, or undefined. */
  const date = (name: string): string | undefined => {
    const v = params.get(name);
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
  };
  return { params, update, id, oneOf, date };
}
