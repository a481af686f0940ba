import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const enKeys = flatten(en as Tree);
const arKeys = flatten(ar as Tree);

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

describe('translation dictionaries', () => {
  it('ar.json and en.json have exactly the same keys', () => {
    expect([...arKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, value] of enKeys) {
      expect(placeholders(arKeys.get(key) ?? ''), key).toEqual(placeholders(value));
    }
  });

  it('have no empty English strings (Arabic may drop only the tagline)', () => {
    for (const [key, value] of enKeys) expect(value.trim(), key).not.toBe('');
    for (const [key, value] of arKeys) if (key !== 'app.tagline') expect(value.trim(), key).not.toBe('');
  });

  it('translate the problem codes the sign-in page can receive', () => {
    for (const code of ['invalid-credentials', 'account-locked', 'too-many-requests']) {
      expect(enKeys.has(`errors.${code}`)).toBe(true);
      expect(arKeys.has(`errors.${code}`)).toBe(true);
    }
  });

  it('write the Arabic interface in Arabic script', () => {
    expect(arKeys.get('home.title')).toBe('مرحباً، {{username}}');
    expect(arKeys.get('app.name')).toBe('دائرة ترخيص السواقين والمركبات');
  });
});
