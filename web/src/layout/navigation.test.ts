import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import { NAV_ITEMS, selectedNavKey, visibleNavItems } from './navigation';

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
  it('lists only the sections the permissions allow', () => {
    const paths = (perms: string[]) => visibleNavItems(perms).map((i) => i.path);
    expect(paths([])).toEqual(['/']);
    const clerk = ['people.read', 'people.write', 'reference.read', 'applications.read', 'licenses.read', 'payments.collect', 'vehicles.read', 'violations.read'];
    expect(paths(clerk)).toEqual(['/', '/people', '/applications', '/licenses', '/vehicles', '/violations', '/payments']);
    expect(paths(clerk)).not.toContain('/admin');
    for (const p of ['users.read', 'reference.manage', 'audit.read', 'apikeys.manage']) expect(paths([p])).toContain('/admin');
    expect(paths(['reference.read'])).not.toContain('/admin');
  });
});
