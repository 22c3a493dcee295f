/**
 * A key file (or recovery code file) that other accounts on the machine can read is a copy of the key
 * for them: the CLI refuses it and says how to fix it, rather than using it without a word. POSIX
 * only: Windows has no mode bits (its ACLs are the folder's business).
 */
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { TEST_KEY, tempDbPath, tempDir } from '../support/temp-db';

async function thrive(argv: string[], env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

describe.skipIf(process.platform === 'win32')('key files readable by others', () => {
  it('refuses a --key-file of mode 0644 with how to fix it, and accepts it once it is 0600', async () => {
    const db = tempDbPath();
    const keyFile = join(tempDir(), 'job.key');
    writeFileSync(keyFile, `${TEST_KEY}\n`, { mode: 0o600 });
    expect((await thrive(['--db', db, '--key-file', keyFile, 'init'])).code).toBe(0);
    expect((await thrive(['--db', db, '--key-file', keyFile, 'call', 'app:state', '{}'])).code).toBe(0);

    chmodSync(keyFile, 0o644);
    const refused = await thrive(['--db', db, '--key-file', keyFile, 'call', 'app:state', '{}']);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      `thrive: The key file ${keyFile} can be read by other accounts on this computer (mode 644). Make it private with: chmod 600 ${keyFile}\n`,
    );

    chmodSync(keyFile, 0o600);
    expect((await thrive(['--db', db, '--key-file', keyFile, 'call', 'app:state', '{}'])).code).toBe(0);
  });

  it('refuses the default FILE.key beside the database when group can read it', async () => {
    const db = tempDbPath();
    expect((await thrive(['--db', db, 'init'])).code).toBe(0);
    expect((await thrive(['--db', db, 'call', 'app:state', '{}'])).code).toBe(0);
    // The CLI made it owner-only.
    expect(statSync(`${db}.key`).mode & 0o777).toBe(0o600);
    chmodSync(`${db}.key`, 0o640);
    const refused = await thrive(['--db', db, 'call', 'app:state', '{}']);
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining(`chmod 600 ${db}.key`) });
  });

  it('refuses a recovery code file readable by others', async () => {
    const db = tempDbPath();
    const codeFile = join(tempDir(), 'code.txt');
    writeFileSync(codeFile, '00000-00000-00000-00000-00000-00000\n', { mode: 0o644 });
    chmodSync(codeFile, 0o644);
    const refused = await thrive(['--db', db, '--recovery-code-file', codeFile, 'caseload']);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      `thrive: The recovery code file ${codeFile} can be read by other accounts on this computer (mode 644). Make it private with: chmod 600 ${codeFile}\n`,
    );
  });
});
