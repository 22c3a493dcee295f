/**
 * One id per field path, so a FieldError from the shared schema or from main (`goals.1.firstRating`,
 * `ratings.p5`, `sdm.participants`) lands beside the right input and the error summary links to it.
 */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

export function errorIdFor(path: string): string {
  return `${fieldId(path)}-error`;
}

export function hintIdFor(path: string): string {
  return `${fieldId(path)}-hint`;
}

/**
 * The element to focus for a path: the field itself, else the nearest enclosing field
 * (`goals.2.description` → `goals.2` → `goals`) so a message about a group still goes somewhere useful.
 */
export function findFieldElement(path: string, root: ParentNode = document): HTMLElement | null {
  const parts = path.split('.');
  while (parts.length > 0) {
    const el = root.querySelector<HTMLElement>(`#${CSS.escape(fieldId(parts.join('.')))}`);
    if (el) return el;
    parts.pop();
  }
  return null;
}

/** aria-describedby from the ids that exist (hint, error, anything else), or undefined. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length > 0 ? list.join(' ') : undefined;
}
