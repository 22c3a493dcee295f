/**
 * A stand-in for Electron safeStorage: an AES key held in memory. Each fake is one computer/user
 * account, so data protected by one cannot be read by another (as with DPAPI or the Keychain).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { OsCrypto } from '../../main/keys/os-crypto';

export function fakeOsCrypto(): OsCrypto & { calls: { encrypt: number; decrypt: number } } {
  const key = randomBytes(32);
  const calls = { encrypt: 0, decrypt: 0 };
  return {
    calls,
    encrypt(data) {
      calls.encrypt += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(data), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      calls.decrypt += 1;
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
    },
  };
}
