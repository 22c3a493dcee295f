/**
 * What the form tests read and do the way a user (or a screen reader) meets a form: the error announced
 * beside a field, what a field holds, typing over a field and answering a radio question.
 */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** The error shown beside a field: the error message among the elements its aria-describedby names. */
export function errorBeside(label: string): string | null {
  const field = screen.getByLabelText(label);
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('error-message'))?.textContent ?? null;
}

/** What a text field (or select) holds now. */
export const fieldValue = (label: string): string => (screen.getByLabelText(label) as HTMLInputElement).value;

/** Replaces what a field holds, as a user would: clear it, then type the text (nothing for ''). */
export async function fill(user: UserEvent, label: string, text: string): Promise<void> {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  if (text) await user.type(input, text);
}

/** Answers a question asked as a group of radios, the group named by its question. */
export async function choose(user: UserEvent, question: string, answer: string): Promise<void> {
  await user.click(within(screen.getByRole('group', { name: question })).getByRole('radio', { name: answer }));
}
