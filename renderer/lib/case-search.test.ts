import { describe, expect, it } from 'vitest';
import type { CaseloadRow } from '../../shared/ipc/types';
import { filterCases, searchIndex } from './case-search';

function row(name: string): CaseloadRow {
  return { name, caseRef: 'RIO-1', nhsNumber: null, flags: [], grouping: null } as unknown as CaseloadRow;
}

describe('case search', () => {
  it('finds "Zoë" whichever way the name was stored and the query typed (composed or decomposed)', () => {
    const rows = [row('Zoe\u0308 Ashdown'), row('Zoë Brontë'), row('Zoe Plain')];
    const index = searchIndex(rows);
    const names = (search: string) => filterCases(index, rows, { search, flag: '', grouping: '' }).map((r) => r.name.normalize('NFC'));
    expect(names('zoë')).toEqual(['Zoë Ashdown', 'Zoë Brontë']);
    expect(names('zoe\u0308')).toEqual(['Zoë Ashdown', 'Zoë Brontë']);
  });
});
