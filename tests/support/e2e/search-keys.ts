/**
 * What to type into a case list's search box when timing it: a query whose every key changes what is
 * shown, the keystrokes that type it and take it back, and the search rule to say what each shows.
 * Shared by the team-scale spec and the renderer bench.
 */
import { normaliseNhsNumber } from '../../../shared/domain/nhs-number';

export interface SearchableRow {
  name: string;
  caseRef: string;
  nhsNumber: string | null;
}

/**
 * The search as the caseload and the team view do it, restated here so the expected rows are worked
 * out apart from the screen: name or case ref contain the text, or its digits are part of the NHS number.
 */
export function matchesSearch(row: SearchableRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if (row.name.toLowerCase().includes(q) || row.caseRef.toLowerCase().includes(q)) return true;
  const digits = normaliseNhsNumber(q);
  return /^\d+$/.test(digits) && !!row.nhsNumber && normaliseNhsNumber(row.nhsNumber).includes(digits);
}

/**
 * Five letters from the rows' names whose prefixes each match strictly fewer cases (so every key
 * changes what is shown, and back again with Backspace), keeping as many rows as possible at the end.
 */
export function chooseQuery(rows: readonly SearchableRow[]): string {
  const seen = new Set<string>();
  let best: { query: string; last: number } | null = null;
  for (const row of rows.slice(0, 400)) {
    const name = row.name.toLowerCase();
    for (let i = 0; i + 5 <= name.length; i++) {
      const q = name.slice(i, i + 5);
      if (!/^[a-z]{5}$/.test(q) || seen.has(q)) continue;
      seen.add(q);
      const counts = [1, 2, 3, 4, 5].map((n) => rows.filter((r) => matchesSearch(r, q.slice(0, n))).length);
      const decreasing = counts.every((c, k) => k === 0 || c < counts[k - 1]!);
      if (decreasing && counts[0]! < rows.length && (!best || counts[4]! > best.last)) best = { query: q, last: counts[4]! };
    }
  }
  if (!best) throw new Error('no five-letter search whose every key narrows the list: the generated names are too uniform');
  return best.query;
}

/** The keys that type `query` one letter at a time and then Backspace it away, each with the query it leaves. */
export function searchSteps(query: string): Array<{ key: string; query: string }> {
  return [
    ...[...query].map((ch, i) => ({ key: ch, query: query.slice(0, i + 1) })),
    ...[...query].map((_, i) => ({ key: 'Backspace', query: query.slice(0, query.length - 1 - i) })),
  ];
}
