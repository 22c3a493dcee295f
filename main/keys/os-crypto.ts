/**
 * The operating system's protection for the wrapped key (Electron safeStorage: DPAPI on Windows, the
 * Keychain on macOS, libsecret/kwallet on Linux). Kept behind a two-method interface so the keystore
 * and the session are tested without Electron (a "different computer" is a different fake).
 */

export interface OsCrypto {
  encrypt(data: Buffer): Buffer;
  /** Throws when the data was protected by another computer or user account. */
  decrypt(data: Buffer): Buffer;
}

/** The parts of Electron's safeStorage used here (structural, so main/keys never imports electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Linux backends that are not real protection: 'basic_text' encrypts with a hard-coded password, and
 * 'unknown' means Electron could not say. Either way the passphrase wrap is stored as it is instead.
 */
const REFUSED_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export function electronOsCrypto(safeStorage: SafeStorageLike, platform: NodeJS.Platform): OsCrypto | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (REFUSED_LINUX_BACKENDS.has(backend)) return null;
  }
  // safeStorage takes strings: base64 carries the binary blob through it unchanged.
  return {
    encrypt: (data) => safeStorage.encryptString(data.toString('base64')),
    decrypt: (data) => Buffer.from(safeStorage.decryptString(data), 'base64'),
  };
}
