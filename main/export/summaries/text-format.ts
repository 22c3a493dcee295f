/**
 * Plain text for pasting into an electronic record's progress note (RiO, SystmOne, Carenotes, EMIS):
 * no markup of any kind (those fields show asterisks and tags literally), headings as lines of their
 * own, lines wrapped at 80 characters so the note reads the same in a narrow or a wide box, and a
 * hanging indent so a wrapped list item still reads as one item.
 */
import { formatUkDate } from '../../../shared/dates';
import { formatNhsNumber } from '../../../shared/domain/nhs-number';
import type { CaseDetail } from '../../../shared/ipc/types';

export const LINE_WIDTH = 80;

/** One paragraph wrapped to the width: the first line starts with `first`, the others with `rest`. */
export function wrap(text: string, first = '', rest = first): string[] {
  const lines: string[] = [];
  // Line breaks the clinician typed are kept; runs of spaces and tabs become one space.
  for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
    const words = para.replace(/[\t ]+/g, ' ').trim().split(' ').filter((w) => w !== '');
    let line = lines.length === 0 ? first : rest;
    let empty = true;
    for (const word of words) {
      const candidate = empty ? `${line}${word}` : `${line} ${word}`;
      if (!empty && candidate.length > LINE_WIDTH) {
        lines.push(line);
        line = `${rest}${word}`;
      } else {
        line = candidate;
      }
      empty = false;
    }
    if (!empty) lines.push(line);
  }
  return lines.length === 0 ? [first.trimEnd()] : lines;
}

/** "Label: value", wrapped with the continuation indented under the label. */
export function field(label: string, value: string): string[] {
  return wrap(`${label}: ${value}`, '', '  ');
}

/** A numbered list item ("1. …") wrapped under its own text. */
export function numbered(n: number, text: string): string[] {
  const marker = `${n}. `;
  return wrap(text, marker, ' '.repeat(marker.length));
}

/** Numbered items, or 'None recorded.' when there are none. */
export function numberedOrNone(items: readonly string[]): string[] {
  return items.length === 0 ? ['None recorded.'] : items.flatMap((item, i) => numbered(i + 1, item));
}

/** A bulleted list item: a hyphen, since some record systems mangle "•". */
export function bullet(text: string): string[] {
  return wrap(text, '- ', '  ');
}

/** A heading line: a blank line before it, then the heading as written. */
export function heading(text: string): string[] {
  return ['', text];
}

/** The lines that say whose record this is, so a note pasted into the wrong record is noticed. */
export function identityLines(detail: CaseDetail): string[] {
  const s = detail.summary;
  return [
    ...field('Young person', s.name),
    ...field('Date of birth', formatUkDate(s.dateOfBirth)),
    ...field('NHS number', s.nhsNumber ? formatNhsNumber(s.nhsNumber) : 'not recorded'),
    ...field('Case ref', s.episodeNo > 1 ? `${s.caseRef} (episode ${s.episodeNo})` : s.caseRef),
    ...field('Lead clinician', `${s.leadClinicianName}, ${s.coordinatingAgency}`),
  ];
}

/** The closing line: where the text came from and when. */
export function sourceLine(today: string): string[] {
  return ['', `Source: THRIVE Plans, ${formatUkDate(today)}.`];
}

/** Lines to the final text: each ends with \n, no trailing spaces, no runs of blank lines. */
export function joinLines(lines: readonly string[]): string {
  const out: string[] = [];
  for (const line of lines.map((l) => l.trimEnd())) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** "3 out of 10" style numbers are for families; notes use the compact "3/10". */
export function score(n: number): string {
  return `${n}/10`;
}

/** "+3", "-2", "0". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `-${Math.abs(n)}` : '0';
}
