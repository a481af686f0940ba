// Money: the server counts integer fils (1 JOD = 1000 fils); people read and type JOD with
// three decimals. Integer arithmetic only, so 19.99 JOD is 19990 fils, never 19989.

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const EXTENDED_ARABIC_INDIC = '۰۱۲۳۴۵۶۷۸۹';

/** Western digits and '.' for Arabic-Indic digits and the Arabic decimal/thousands separators. */
function westernDigits(s: string): string {
  return s.replace(/[٠-٩۰-۹٫٬،]/g, (c) => {
    const i = ARABIC_INDIC.indexOf(c);
    if (i >= 0) return String(i);
    const j = EXTENDED_ARABIC_INDIC.indexOf(c);
    if (j >= 0) return String(j);
    return c === '٫' ? '.' : ','; // ٬ and ، are thousands separators
  });
}

/** "15.000" for 15000 fils; "1,250.500" with grouping when `group` is set. */
export function filsToJod(fils: number, group = false): string {
  if (!Number.isFinite(fils)) return '';
  const n = Math.round(fils);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  let whole = String(Math.floor(abs / 1000));
  if (group) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 1000).padStart(3, '0')}`;
}

/** "15.000 JOD" in English, "15.000 د.أ" in Arabic (Western digits in both, as on Jordanian receipts). */
export function formatFils(fils: number, language: string): string {
  const amount = filsToJod(fils, true);
  return language.startsWith('ar') ? `${amount} د.أ` : `${amount} JOD`;
}

/**
 * Fils from an amount in JOD as typed: "15", "15.5", "15.250", "1,250.000", Arabic-Indic digits.
 * Null for anything else, including more than three decimals (a fraction of a fil) and
 * amounts beyond Number.MAX_SAFE_INTEGER fils.
 */
export function jodToFils(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  let s: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    s = value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  } else {
    s = westernDigits(value.trim()).replace(/,/g, '');
  }
  const m = /^(-?)(\d+)(?:\.(\d{0,3}))?$/.exec(s) ?? /^(-?)()\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const whole = m[2] === '' ? 0 : Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(3, '0'));
  const fils = whole * 1000 + frac;
  if (!Number.isSafeInteger(fils)) return null;
  return m[1] === '-' && fils !== 0 ? -fils : fils;
}
