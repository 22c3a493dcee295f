/**
 * The keystore (`thrive.keys` beside the database): the only place the data key is kept, and only
 * wrapped. Two independent wraps of the same 256-bit key, each AES-256-GCM under a key derived with
 * scrypt:
 *  - from the app-lock passphrase; that whole blob is wrapped again by the OS (safeStorage) when it
 *    offers real protection, so a copied keystore cannot be attacked offline without this user account;
 *  - from the organisation recovery code, NOT bound to the OS, so it opens the records on a new computer.
 * The associated data binds each wrap to its purpose and the keystore version: a blob moved from one
 * slot to the other, or into a later format, fails its tag instead of being used.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../shared/ipc/result';
import { RECOVERY_CODE_RE, normaliseRecoveryCode } from '../../shared/ipc/schemas/lock';
import { fsyncFolder } from '../backup/files';
import { DatabaseOpenError } from '../db/errors';
import type { OsCrypto } from './os-crypto';

export const KEYSTORE_VERSION = 1;
/**
 * N = 2^16 takes about 180 ms on the development machine (2 cores): slow enough to make guessing a
 * passphrase from a stolen file expensive, quick enough not to be noticed at unlock. Stored in the
 * file, so a later version can raise it and still read older keystores.
 */
export const SCRYPT_PARAMS = { N: 2 ** 16, r: 8, p: 1 } as const;

export const WRONG_PASSPHRASE_MESSAGE = 'That passphrase is not right.';
export const WRONG_RECOVERY_CODE_MESSAGE = 'That recovery code is not right.';
export const OTHER_COMPUTER_MESSAGE =
  'The passphrase cannot be used on this computer or user account: the key was protected by another one. ' +
  'Use "Forgotten your passphrase?" and the organisation recovery code, then choose a passphrase for this computer.';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const DATA_KEY_BYTES = 32;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const KeystoreSchema = z.strictObject({
  format: z.literal('thrive-keystore'),
  version: z.literal(KEYSTORE_VERSION),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 14).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
  }),
  passphrase: z.strictObject({ salt: b64, osProtected: z.boolean(), blob: b64 }),
  recovery: z.strictObject({ salt: b64, blob: b64 }),
});
export type KeystoreFile = z.infer<typeof KeystoreSchema>;
type Kdf = KeystoreFile['kdf'];
type Purpose = 'passphrase' | 'recovery';

function aadFor(purpose: Purpose): Buffer {
  return Buffer.from(`thrive-keystore:v${KEYSTORE_VERSION}:${purpose}`, 'utf8');
}

function derive(secret: string, salt: Buffer, kdf: Kdf): Buffer {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MB) is below that for N = 2^16.
  return scryptSync(secret.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 });
}

function seal(key: Buffer, purpose: Purpose, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aadFor(purpose));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Null when the tag does not match: a wrong passphrase or code (or a tampered blob). */
function open(key: Buffer, purpose: Purpose, blob: Buffer): Buffer | null {
  if (blob.length !== IV_BYTES + TAG_BYTES + DATA_KEY_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, IV_BYTES));
  decipher.setAAD(aadFor(purpose));
  decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

function dataKeyBytes(dataKeyHex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(dataKeyHex)) throw new Error('The data key must be 64 hexadecimal characters');
  return Buffer.from(dataKeyHex, 'hex');
}

/** 30 characters of Crockford base32 (150 bits), shown as 6 groups of 5: "7F3K9-QW2MZ-…". */
export function generateRecoveryCode(): string {
  // 256 is a multiple of 32, so taking 5 bits of each random byte is unbiased.
  const chars = [...randomBytes(30)].map((byte) => CROCKFORD[byte & 31]).join('');
  return (chars.match(/.{5}/g) ?? []).join('-');
}

function passphraseSlot(dataKey: Buffer, passphrase: string, os: OsCrypto | null, kdf: Kdf): KeystoreFile['passphrase'] {
  const salt = randomBytes(16);
  const inner = seal(derive(passphrase, salt, kdf), 'passphrase', dataKey);
  const blob = os ? os.encrypt(inner) : inner;
  return { salt: salt.toString('base64'), osProtected: os !== null, blob: blob.toString('base64') };
}

export function createKeystore(dataKeyHex: string, passphrase: string, os: OsCrypto | null): { file: KeystoreFile; recoveryCode: string } {
  const dataKey = dataKeyBytes(dataKeyHex);
  const kdf: Kdf = { name: 'scrypt', ...SCRYPT_PARAMS };
  const recoveryCode = generateRecoveryCode();
  const recoverySalt = randomBytes(16);
  const recoveryBlob = seal(derive(normaliseRecoveryCode(recoveryCode), recoverySalt, kdf), 'recovery', dataKey);
  const file: KeystoreFile = {
    format: 'thrive-keystore',
    version: KEYSTORE_VERSION,
    kdf,
    passphrase: passphraseSlot(dataKey, passphrase, os, kdf),
    recovery: { salt: recoverySalt.toString('base64'), blob: recoveryBlob.toString('base64') },
  };
  return { file, recoveryCode };
}

/** The data key (64 hex) from the passphrase; AppError('wrong_passphrase') when it does not fit. */
export function unlockWithPassphrase(file: KeystoreFile, passphrase: string, os: OsCrypto | null): string {
  let inner: Buffer = Buffer.from(file.passphrase.blob, 'base64');
  if (file.passphrase.osProtected) {
    if (!os) throw new AppError('wrong_passphrase', OTHER_COMPUTER_MESSAGE);
    try {
      inner = os.decrypt(inner);
    } catch {
      throw new AppError('wrong_passphrase', OTHER_COMPUTER_MESSAGE);
    }
  }
  const key = open(derive(passphrase, Buffer.from(file.passphrase.salt, 'base64'), file.kdf), 'passphrase', inner);
  if (!key) throw new AppError('wrong_passphrase', WRONG_PASSPHRASE_MESSAGE);
  return key.toString('hex');
}

/** The data key from the organisation recovery code (typed in any case, with or without hyphens). */
export function unlockWithRecoveryCode(file: KeystoreFile, code: string): string {
  const normalised = normaliseRecoveryCode(code);
  if (!RECOVERY_CODE_RE.test(normalised)) throw new AppError('wrong_passphrase', WRONG_RECOVERY_CODE_MESSAGE);
  const key = open(derive(normalised, Buffer.from(file.recovery.salt, 'base64'), file.kdf), 'recovery', Buffer.from(file.recovery.blob, 'base64'));
  if (!key) throw new AppError('wrong_passphrase', WRONG_RECOVERY_CODE_MESSAGE);
  return key.toString('hex');
}

/** A new passphrase (and this computer's OS protection); the recovery wrap is kept as it is. */
export function rewrapPassphrase(file: KeystoreFile, dataKeyHex: string, newPassphrase: string, os: OsCrypto | null): KeystoreFile {
  return { ...file, passphrase: passphraseSlot(dataKeyBytes(dataKeyHex), newPassphrase, os, file.kdf) };
}

function damaged(path: string, detail: string, cause?: unknown): DatabaseOpenError {
  return new DatabaseOpenError(
    'bad_key_format',
    `The keystore ${path} is damaged or is not a THRIVE Plans keystore (${detail}). It has not been changed; ` +
      'restore it from a copy, or contact IT support with the organisation recovery code.',
    { cause },
  );
}

/** The keystore at `path`, or null when there is none. A malformed file is an error, never a new key. */
export function readKeystore(path: string): KeystoreFile | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw damaged(path, 'not JSON', error);
  }
  const parsed = KeystoreSchema.safeParse(json);
  if (!parsed.success) throw damaged(path, parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', '));
  return parsed.data;
}

/** Written to `.partial`, synced and renamed: a crash leaves the old keystore or the new, never half. */
export function writeKeystore(path: string, file: KeystoreFile): void {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  fsyncFolder(path);
}
