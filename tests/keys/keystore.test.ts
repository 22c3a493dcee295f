/** The keystore on its own: wraps, unwraps, refuses wrong secrets and damaged files, leaks nothing. */
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECOVERY_CODE_RE, normaliseRecoveryCode } from '../../shared/ipc/schemas/lock';
import { AppError } from '../../shared/ipc/result';
import { DatabaseOpenError } from '../../main/db/errors';
import {
  OTHER_COMPUTER_MESSAGE,
  WRONG_PASSPHRASE_MESSAGE,
  WRONG_RECOVERY_CODE_MESSAGE,
  createKeystore,
  readKeystore,
  rewrapPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryCode,
  writeKeystore,
} from '../../main/keys/keystore';
import { tempDir } from '../support/temp-db';
import { fakeOsCrypto } from '../support/fake-os-crypto';

const KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';
const PASS = 'correct horse battery';

function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('keystore', () => {
  it('unwraps the data key with the passphrase (OS-protected) and with the recovery code', () => {
    const os = fakeOsCrypto();
    const { file, recoveryCode } = createKeystore(KEY, PASS, os);
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(RECOVERY_CODE_RE.test(normaliseRecoveryCode(recoveryCode))).toBe(true);
    expect(file.passphrase.osProtected).toBe(true);
    expect(file.kdf).toMatchObject({ name: 'scrypt', N: 65536, r: 8, p: 1 });
    expect(unlockWithPassphrase(file, PASS, os)).toBe(KEY);
    // Typed in lower case with spaces instead of hyphens, as a person might.
    expect(unlockWithRecoveryCode(file, recoveryCode.toLowerCase().replace(/-/g, ' '))).toBe(KEY);
  });

  it('gives a different recovery code every time', () => {
    const a = createKeystore(KEY, PASS, null).recoveryCode;
    const b = createKeystore(KEY, PASS, null).recoveryCode;
    expect(a).not.toBe(b);
  });

  it('refuses a wrong passphrase or recovery code with wrong_passphrase, not a crash', () => {
    const os = fakeOsCrypto();
    const { file, recoveryCode } = createKeystore(KEY, PASS, os);
    const wrong = appErrorOf(() => unlockWithPassphrase(file, 'correct horse battery!', os));
    expect(wrong.code).toBe('wrong_passphrase');
    expect(wrong.message).toBe(WRONG_PASSPHRASE_MESSAGE);
    const otherCode = recoveryCode.slice(0, -1) + (recoveryCode.endsWith('0') ? '1' : '0');
    expect(appErrorOf(() => unlockWithRecoveryCode(file, otherCode))).toMatchObject({ code: 'wrong_passphrase', message: WRONG_RECOVERY_CODE_MESSAGE });
    expect(appErrorOf(() => unlockWithRecoveryCode(file, 'not a code'))).toMatchObject({ code: 'wrong_passphrase' });
  });

  it('on another computer the passphrase wrap cannot be opened, and says to use the recovery code', () => {
    const { file, recoveryCode } = createKeystore(KEY, PASS, fakeOsCrypto());
    expect(appErrorOf(() => unlockWithPassphrase(file, PASS, fakeOsCrypto()))).toMatchObject({ code: 'wrong_passphrase', message: OTHER_COMPUTER_MESSAGE });
    expect(appErrorOf(() => unlockWithPassphrase(file, PASS, null)).message).toBe(OTHER_COMPUTER_MESSAGE);
    expect(unlockWithRecoveryCode(file, recoveryCode)).toBe(KEY);
  });

  it('without OS protection the passphrase wrap is stored as it is and still works', () => {
    const { file } = createKeystore(KEY, PASS, null);
    expect(file.passphrase.osProtected).toBe(false);
    expect(unlockWithPassphrase(file, PASS, null)).toBe(KEY);
  });

  it('binds each wrap to its purpose: the recovery blob in the passphrase slot fails its tag', () => {
    const { file, recoveryCode } = createKeystore(KEY, PASS, null);
    const swapped = { ...file, passphrase: { ...file.passphrase, salt: file.recovery.salt, blob: file.recovery.blob } };
    expect(appErrorOf(() => unlockWithPassphrase(swapped, normaliseRecoveryCode(recoveryCode), null)).code).toBe('wrong_passphrase');
  });

  it('rewraps for a new passphrase and keeps the recovery wrap', () => {
    const os = fakeOsCrypto();
    const { file, recoveryCode } = createKeystore(KEY, PASS, os);
    const next = rewrapPassphrase(file, KEY, 'a new passphrase here', os);
    expect(unlockWithPassphrase(next, 'a new passphrase here', os)).toBe(KEY);
    expect(appErrorOf(() => unlockWithPassphrase(next, PASS, os)).code).toBe('wrong_passphrase');
    expect(unlockWithRecoveryCode(next, recoveryCode)).toBe(KEY);
  });

  it('writes the file atomically, owner-only, with no trace of the key', () => {
    const path = join(tempDir(), 'thrive.keys');
    const { file } = createKeystore(KEY, PASS, null);
    writeKeystore(path, file);
    expect(existsSync(`${path}.partial`)).toBe(false);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(path);
    expect(bytes.toString('latin1').toLowerCase()).not.toContain(KEY);
    expect(bytes.indexOf(Buffer.from(KEY, 'hex'))).toBe(-1);
    expect(bytes.toString('utf8')).not.toContain(Buffer.from(KEY, 'hex').toString('base64'));
    expect(bytes.toString('utf8')).not.toContain(PASS);
    expect(readKeystore(path)).toEqual(file);
  });

  it('reads a missing keystore as none, and a damaged one as a clear error (never a new key)', () => {
    const dir = tempDir();
    expect(readKeystore(join(dir, 'absent.keys'))).toBeNull();
    const broken = join(dir, 'broken.keys');
    writeFileSync(broken, '{"format":"thrive-keystore","version":1');
    expect(() => readKeystore(broken)).toThrow(DatabaseOpenError);
    expect(() => readKeystore(broken)).toThrow(/damaged or is not a THRIVE Plans keystore/);
    const wrongShape = join(dir, 'shape.keys');
    writeFileSync(wrongShape, JSON.stringify({ format: 'thrive-keystore', version: 1, kdf: { name: 'scrypt', N: 2, r: 8, p: 1 } }));
    expect(() => readKeystore(wrongShape)).toThrow(/damaged/);
    expect(readFileSync(broken, 'utf8')).toBe('{"format":"thrive-keystore","version":1');
  });
});
