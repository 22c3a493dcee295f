/**
 * Driving the app the way a keyboard user does: Tab to a control (proving it is in the tab order),
 * type, Space for checkboxes and radios, arrows within a radio group, Enter to submit. When a
 * control cannot be reached, the error names what has focus instead, so a broken tab order reads as
 * a finding rather than a timeout.
 */
import type { Locator, Page } from 'playwright-core';
import { focusDescription, hasFocusWithin } from './in-page';

const MAX_TABS = 120;

/** A short description of the focused element, for failure messages. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(focusDescription);
}

/** Whether focus is on `target` or inside it. */
export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate(hasFocusWithin).catch(() => false);
}

/**
 * Presses Tab (or Shift+Tab) until focus is on `target` or inside it. Returns the number of presses.
 * `target` may be a control or a container such as a radio group.
 */
export async function tabTo(page: Page, target: Locator, what: string, opts: { backwards?: boolean; max?: number } = {}): Promise<number> {
  await target.first().waitFor({ state: 'visible' });
  const key = opts.backwards ? 'Shift+Tab' : 'Tab';
  for (let presses = 0; presses <= (opts.max ?? MAX_TABS); presses++) {
    if (await isFocused(target.first())) return presses;
    await page.keyboard.press(key);
  }
  throw new Error(`Could not reach ${what} with ${key} in ${opts.max ?? MAX_TABS} presses; focus is on ${await describeFocus(page)}`);
}

/** Tab to a text field, clear it and type. */
export async function typeInto(page: Page, field: Locator, what: string, text: string): Promise<void> {
  await tabTo(page, field, what);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text !== '') await page.keyboard.type(text);
}

/**
 * Tab into a radio group (focus lands on its checked radio, or the first when none is), then use the
 * arrow keys to move the selection to `option`; Space when focus is already on it but unchecked.
 */
export async function chooseRadio(page: Page, group: Locator, what: string, option: Locator): Promise<void> {
  await tabTo(page, group, what);
  const count = await group.getByRole('radio').count();
  for (let moves = 0; moves <= count; moves++) {
    if (await isFocused(option)) {
      if (!(await option.isChecked())) await page.keyboard.press('Space');
      if (await option.isChecked()) return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`Could not select ${what} with the arrow keys; focus is on ${await describeFocus(page)}`);
}

/** Tab to a checkbox and press Space until it is checked (or unchecked). */
export async function setCheckbox(page: Page, box: Locator, what: string, checked = true): Promise<void> {
  await tabTo(page, box, what);
  if ((await box.isChecked()) !== checked) await page.keyboard.press('Space');
  if ((await box.isChecked()) !== checked) throw new Error(`Space did not ${checked ? 'check' : 'uncheck'} ${what}`);
}

/** Tab to a button and press Enter. */
export async function pressButton(page: Page, button: Locator, what: string): Promise<void> {
  await tabTo(page, button, what);
  await page.keyboard.press('Enter');
}
