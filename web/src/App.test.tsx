// @vitest-environment happy-dom
// The user's reduced-motion setting (prefers-reduced-motion: reduce) turns Ant Design's motion
// off: a dialog then opens without its zoom. Without the setting, or where the browser cannot
// tell (no matchMedia), the motion stays on. A change of the setting while the app is open
// takes effect at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { Modal, theme } from 'antd';
import './i18n';
import { LocalisedAntd } from './App';
import { REDUCED_MOTION_QUERY } from './lib/usePrefersReducedMotion';

/** A matchMedia whose reduced-motion answer the test sets, and changes (with a change event). */
function fakeMatchMedia(initial: boolean) {
  let reduce = initial;
  const listeners = new Set<(e: MediaQueryListEvent) => void>();
  const matchMedia = vi.fn((query: string) => {
    const ours = query === REDUCED_MOTION_QUERY;
    return {
      media: query,
      get matches() {
        return ours && reduce;
      },
      onchange: null,
      addEventListener: (_: string, l: (e: MediaQueryListEvent) => void) => void (ours && listeners.add(l)),
      removeEventListener: (_: string, l: (e: MediaQueryListEvent) => void) => void listeners.delete(l),
      addListener: (l: (e: MediaQueryListEvent) => void) => void (ours && listeners.add(l)),
      removeListener: (l: (e: MediaQueryListEvent) => void) => void listeners.delete(l),
      dispatchEvent: () => true,
    } as unknown as MediaQueryList;
  });
  return {
    matchMedia,
    set(value: boolean) {
      reduce = value;
      for (const l of [...listeners]) l({ matches: value, media: REDUCED_MOTION_QUERY } as MediaQueryListEvent);
    },
  };
}

/** Ant Design's motion token as the app's providers set it. */
function MotionToken() {
  const { token } = theme.useToken();
  return <span data-testid="motion">{String(token.motion)}</span>;
}

function renderApp(open = false) {
  return render(
    <LocalisedAntd>
      <MotionToken />
      <Modal open={open} title="Record violation" okText="Record">
        <p>body</p>
      </Modal>
    </LocalisedAntd>,
  );
}

/**
 * Opens a dialog and records every class list it has while it opens (role="dialog" sits on the
 * element Ant Design zooms). With motion, it zooms (`ant-zoom-appear-start`, then -active) until
 * the animation ends, which never happens here (happy-dom plays none). Without, it only passes
 * through the one-frame `ant-zoom-appear-prepare` step (Ant Design's dialog uses it to set its
 * transform origin) and ends with no zoom class.
 */
function openDialog() {
  const seen: string[] = [];
  const record = () => {
    const cls = document.querySelector('[role="dialog"]')?.getAttribute('class');
    if (cls && seen.at(-1) !== cls) seen.push(cls);
  };
  const observer = new MutationObserver(record);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  renderApp(true);
  record();
  return { seen, stop: () => observer.disconnect() };
}

const dialogClass = () => document.querySelector('[role="dialog"]')?.getAttribute('class') ?? '';
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 200)));

const realMatchMedia = window.matchMedia;

afterEach(() => {
  cleanup();
  Object.defineProperty(window, 'matchMedia', { value: realMatchMedia, configurable: true, writable: true });
});

function setMatchMedia(value: unknown) {
  Object.defineProperty(window, 'matchMedia', { value, configurable: true, writable: true });
}

describe('reduced motion', () => {
  it('turns the motion off when the user prefers reduced motion: a dialog opens without its zoom', async () => {
    const media = fakeMatchMedia(true);
    setMatchMedia(media.matchMedia);
    const dialog = openDialog();
    expect(media.matchMedia).toHaveBeenCalledWith(REDUCED_MOTION_QUERY);
    expect(screen.getByTestId('motion').textContent).toBe('false');
    await settle();
    dialog.stop();
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(dialogClass()).not.toMatch(/ant-zoom/);
    expect(dialog.seen.join(' | ')).not.toMatch(/ant-zoom-appear-(start|active)/);
  });

  it('keeps the motion on without the setting: a dialog opens with its zoom', async () => {
    setMatchMedia(fakeMatchMedia(false).matchMedia);
    const dialog = openDialog();
    expect(screen.getByTestId('motion').textContent).toBe('true');
    await settle();
    dialog.stop();
    expect(dialog.seen.join(' | ')).toMatch(/\bant-zoom-appear-(start|active)\b/);
    expect(dialogClass()).toMatch(/\bant-zoom-appear\b/);
  });

  it('keeps the motion on where the browser has no matchMedia', async () => {
    setMatchMedia(undefined);
    const dialog = openDialog();
    expect(screen.getByTestId('motion').textContent).toBe('true');
    await settle();
    dialog.stop();
    expect(dialog.seen.join(' | ')).toMatch(/\bant-zoom-appear-(start|active)\b/);
  });

  it('follows a change of the setting while the app is open', () => {
    const media = fakeMatchMedia(false);
    setMatchMedia(media.matchMedia);
    renderApp();
    expect(screen.getByTestId('motion').textContent).toBe('true');
    act(() => media.set(true));
    expect(screen.getByTestId('motion').textContent).toBe('false');
    act(() => media.set(false));
    expect(screen.getByTestId('motion').textContent).toBe('true');
  });
});
