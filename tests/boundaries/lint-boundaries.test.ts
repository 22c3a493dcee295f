/**
 * The process boundary (docs/architecture.md#processes-and-boundaries) is enforced by eslint's no-restricted-imports in
 * eslint.config.mjs. These tests lint small snippets as if they lived in renderer/ or shared/, so the
 * rule cannot be weakened or dropped from the config without a failing test.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the renderer cannot reach past its API client', () => {
  it.each([
    ["import { openDatabase } from '../../main/db/open';", 'must not import main/'],
    ["import { ipcRenderer } from 'electron';", 'must not import electron'],
    ["import Database from 'better-sqlite3-multiple-ciphers';", 'must not touch the database'],
    ["import { readFileSync } from 'node:fs';", 'must not use Node APIs'],
    ["import fs from 'fs';", 'must not use Node APIs'],
  ])('%s is refused', async (line, message) => {
    const messages = await restrictedImports('renderer/features/x/Leak.tsx', `${line}\nexport {};\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });

  it('may import shared/ and its own client', async () => {
    const code = "import { formatUkDate } from '../../../shared/dates';\nimport { getApi } from '../../api/client';\nexport const x = [formatUkDate, getApi];\n";
    expect(await restrictedImports('renderer/features/x/Fine.tsx', code)).toEqual([]);
  });
});

describe('shared/ stays pure', () => {
  it.each([
    "import { app } from 'electron';",
    "import { readFileSync } from 'node:fs';",
    "import { handlers } from '../main/ipc/handlers';",
    "import { getApi } from '../renderer/api/client';",
  ])('%s is refused', async (line) => {
    expect(await restrictedImports('shared/domain/leak.ts', `${line}\nexport {};\n`)).toHaveLength(1);
  });
});

describe('the team server and the desktop app never import each other', () => {
  it.each([
    ['server/routes/leak.ts', "import { openDatabase } from '../../main/db/open';", 'server/ must not import main/'],
    ['server/routes/leak.ts', "import { getApi } from '../../renderer/api/client';", 'server/ must not import renderer/'],
    ['server/routes/leak.ts', "import { app } from 'electron';", 'server/ runs without Electron'],
    ['main/sync/leak.ts', "import { buildServer } from '../../server/app';", 'main/ must not import the team server'],
    ['renderer/features/x/Leak.tsx', "import { buildServer } from '../../../server/app';", 'renderer/ must not import the team server'],
  ])('%s: %s is refused', async (file, line, message) => {
    const messages = await restrictedImports(file, `${line}\nexport {};\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });

  it('the server may import shared/', async () => {
    const code = "import { pushBodySchema } from '../../shared/sync/protocol';\nexport const x = pushBodySchema;\n";
    expect(await restrictedImports('server/routes/fine.ts', code)).toEqual([]);
  });
});
