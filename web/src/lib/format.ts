// Dates, times and two-script names in the interface language. Digits stay Western in Arabic,
// as on Jordanian official documents.

export type Lang = 'ar' | 'en';

export function langOf(language: string): Lang {
  return language.startsWith('ar') ? 'ar' : 'en';
}

const LOCALES: Record<Lang, string> = { ar: 'ar-JO-u-nu-latn', en: 'en-GB' };

/** The name in the interface language, with the other script as fallback. */
export function localName(item: { nameAr?: string | null; nameEn?: string | null }, language: string): string {
  return (langOf(language) === 'ar' ? item.nameAr || item.nameEn : item.nameEn || item.nameAr) ?? '';
}

/** "1 May 1990" / "01‏/05‏/1990" for a calendar date (YYYY-MM-DD), never shifted by time zone. */
export function formatDate(isoDate: string | null | undefined, language: string): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALES[langOf(language)], { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A timestamp in the browser's time zone, date and minutes. */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return new Intl.DateTimeFormat(LOCALES[langOf(language)], { dateStyle: 'medium', timeStyle: 'short' }).format(t);
}

/** Whole years between a birth date (YYYY-MM-DD) and `today` (same form); null if unreadable. */
export function ageOn(dateOfBirth: string, today: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!b || !t) return null;
  let age = Number(t[1]) - Number(b[1]);
  if (t[2] + t[3] < b[2] + b[3]) age -= 1;
  return age;
}

/** Today's date (YYYY-MM-DD) in the browser's time zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A person's full name in the interface language. */
export function personName(p: { fullNameAr: string; fullNameEn: string }, language: string): string {
  return langOf(language) === 'ar' ? p.fullNameAr || p.fullNameEn : p.fullNameEn || p.fullNameAr;
}

/** A count with Western digits and thousands separators (1,000), in both languages. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
}
