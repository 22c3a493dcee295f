/**
 * Functions that run inside the page (passed to Playwright's evaluate, which sends their source).
 * tsconfig.node.json deliberately has no DOM library, so main/ cannot use browser globals by
 * accident; these callbacks type the little of the DOM they touch themselves. Each must be
 * self-contained: only its source reaches the page, never this module's scope.
 */

interface PageElement {
  tagName: string;
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  contains(other: unknown): boolean;
}

interface PageWindow {
  document: {
    activeElement: PageElement | null;
    body: PageElement;
    querySelector(selector: string): PageElement | null;
    getElementById(id: string): PageElement | null;
  };
  CSS: { escape(value: string): string };
  __cspViolations?: string[];
  axe?: {
    run(context: unknown, options: unknown): Promise<{
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
    }>;
  };
}

/** True when the element itself has focus. */
export const hasFocus = (el: unknown): boolean => el === (globalThis as unknown as PageWindow).document.activeElement;

/** True when the element or something inside it (e.g. a radio in a group) has focus. */
export const hasFocusWithin = (el: unknown): boolean => {
  const active = (globalThis as unknown as PageWindow).document.activeElement;
  return el === active || (active !== null && (el as PageElement).contains(active));
};

/** A short description of whatever has focus, for failure messages. */
export const focusDescription = (): string => {
  const w = globalThis as unknown as PageWindow;
  const el = w.document.activeElement;
  if (!el || el === w.document.body) return '<body> (nothing focused)';
  const labelFor = el.id ? w.document.querySelector(`label[for="${w.CSS.escape(el.id)}"]`)?.textContent : null;
  const label = el.getAttribute('aria-label') ?? labelFor ?? el.textContent?.slice(0, 60) ?? '';
  const type = el.getAttribute('type');
  return `<${el.tagName.toLowerCase()}${type ? ` type=${type}` : ''}> "${label.trim()}"`;
};

/** The text of what the element's aria-describedby points at (its hint, error and the like). */
export const describedByText = (el: unknown): string => {
  const w = globalThis as unknown as PageWindow;
  const ids = ((el as PageElement).getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => w.document.getElementById(id)?.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
};

/** The text of an input's own <label> (its options' names, without hints inside the label). */
export const labelText = (el: unknown): string | null => {
  const w = globalThis as unknown as PageWindow;
  const id = (el as PageElement).id;
  return id ? (w.document.querySelector(`label[for="${w.CSS.escape(id)}"]`)?.textContent ?? null) : null;
};

export const axeLoaded = (): boolean => typeof (globalThis as unknown as PageWindow).axe === 'object';

/** Runs axe-core (already injected) on the whole document with its default rule set. */
export const runAxe = async (): Promise<Array<{ id: string; impact: string | null; help: string; targets: string[] }>> => {
  const axe = (globalThis as unknown as PageWindow).axe;
  if (!axe) throw new Error('axe-core is not loaded in the page');
  const results = await axe.run((globalThis as unknown as PageWindow).document, { resultTypes: ['violations'] });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
};

/** What the CSP recorder (harness.ts) has seen; throws when it was not installed. */
export const recordedCspViolations = (): string[] => {
  const seen = (globalThis as unknown as PageWindow).__cspViolations;
  if (!seen) throw new Error('the CSP recorder is not installed (launch with csp: "enforce")');
  return [...seen];
};
