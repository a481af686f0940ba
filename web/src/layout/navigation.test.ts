import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import { NAV_ITEMS, selectedNavKey } from './navigation';

describe('navigation', () => {
  it('highlights the section of nested paths', () => {
    expect(selectedNavKey('/')).toBe('/');
    expect(selectedNavKey('/people')).toBe('/people');
    expect(selectedNavKey('/people/12/edit')).toBe('/people');
    expect(selectedNavKey('/nowhere')).toBeUndefined();
  });
  it('has a translated label for every section', () => {
    const nav = en.nav as Record<string, string>;
    for (const item of NAV_ITEMS) expect(nav[item.labelKey.replace('nav.', '')], item.labelKey).toBeTruthy();
  });
});
