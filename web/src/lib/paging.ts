// The total a list page shows and the total its pager is given. The server stops counting at
// 1,000 matches (`totalExact: false`); then the page says "More than 1,000 ..." and the pager is
// told one page more than it knows of while a full page came back, so Next stays enabled.
import type { TFunction } from 'i18next';
import type { Page } from '../api/query';
import { formatCount } from './format';

export interface PageTotals {
  /** What to say: the exact count, or the lower bound. */
  total: number;
  exact: boolean;
  /** What to give the pager (Ant Design's `total`). */
  pagerTotal: number;
}

export function pageTotals(data: Pick<Page<unknown>, 'items' | 'total' | 'totalExact'> | undefined, page: number, pageSize: number): PageTotals {
  if (!data) return { total: 0, exact: true, pagerTotal: 0 };
  if (data.totalExact !== false) return { total: data.total, exact: true, pagerTotal: data.total };
  const seen = (page - 1) * pageSize + data.items.length;
  if (data.items.length > 0 && data.items.length < pageSize) {
    // A short page is the last one: now the count is known.
    return { total: seen, exact: true, pagerTotal: seen };
  }
  const known = Math.max(data.total, seen);
  return { total: data.total, exact: false, pagerTotal: data.items.length === pageSize ? known + pageSize : known };
}

/**
 * The `total` and `showTotal` of a table's pagination. `atLeastKey` names the sentence for a
 * lower bound ("More than {{total}} people"); it receives the number already formatted.
 */
export function pagerTotal(
  t: TFunction,
  data: Pick<Page<unknown>, 'items' | 'total' | 'totalExact'> | undefined,
  page: number,
  pageSize: number,
  atLeastKey = 'common.totalAtLeast',
): { total: number; showTotal: () => string } {
  const totals = pageTotals(data, page, pageSize);
  const total = formatCount(totals.total);
  return {
    total: totals.pagerTotal,
    showTotal: () => (totals.exact ? t('common.total', { total }) : t(atLeastKey, { total })),
  };
}
