import { describe, expect, it } from 'vitest';
import { Id } from '../../shared/ipc/schemas/common';
import { idTimestamp, newId } from '../../main/db/ids';

describe('UUIDv7 ids', () => {
  it('are valid record ids with version 7 and the RFC variant', () => {
    const id = newId();
    expect(Id.safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });

  it('carry their creation time and sort in creation order, even within one millisecond', () => {
    const ms = Date.UTC(2030, 0, 1);
    const burst = Array.from({ length: 1000 }, () => newId(ms));
    expect([...burst].sort()).toEqual(burst);
    expect(new Set(burst).size).toBe(1000);
    expect(idTimestamp(burst[0]!)).toBe(ms);
    const later = newId(ms + 1000);
    expect(later > burst[999]!).toBe(true);
    expect(idTimestamp(later)).toBe(ms + 1000);
  });
});
