// Pure helpers for choosing the interface language and its writing direction.
// Kept free of i18next and the DOM so they can be unit-tested in isolation.

export const SUPPORTED_LANGUAGES = ['en', 'ar'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export type Direction = 'ltr' | 'rtl';

/** localStorage key that remembers the user's choice across visits. */
export const LANGUAGE_STORAGE_KEY = 'dvld.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: string): Direction {
  return language.toLowerCase().split('-')[0] === 'ar' ? 'rtl' : 'ltr';
}

/**
 * A remembered choice wins; otherwise Arabic when the browser's first preferred
 * language is Arabic, English for everything else.
 */
export function detectLanguage(stored: string | null | undefined, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  const first = browserLanguages.find((l) => typeof l === 'string' && l.length > 0);
  return first !== undefined && first.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
