/**
 * Putting text on the clipboard for pasting into the EHR's progress note. The browser may refuse
 * (no permission, the window not focused, no clipboard API at all): the caller then shows the text to
 * copy by hand, so a refusal is an answer (false), never an exception.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== 'function') return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
