/** Which OS protection is accepted: real key stores only, never Linux's plain-text fallback. */
import { describe, expect, it } from 'vitest';
import { electronOsCrypto, type SafeStorageLike } from '../../main/keys/os-crypto';

function safeStorage(available: boolean, backend?: string): SafeStorageLike {
  const store: SafeStorageLike = {
    isEncryptionAvailable: () => available,
    // Reversible, to show the data goes through safeStorage and comes back unchanged.
    encryptString: (text) => Buffer.from([...Buffer.from(text, 'utf8')].reverse()),
    decryptString: (data) => Buffer.from([...data].reverse()).toString('utf8'),
  };
  if (backend !== undefined) store.getSelectedStorageBackend = () => backend;
  return store;
}

describe('electronOsCrypto', () => {
  it('uses safeStorage on Windows and macOS when it is available, round-tripping binary data', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const os = electronOsCrypto(safeStorage(true), platform);
      const data = Buffer.from([0, 255, 1, 254, 10, 13]);
      expect(os?.decrypt(os.encrypt(data))).toEqual(data);
    }
  });

  it('is refused when encryption is unavailable', () => {
    expect(electronOsCrypto(safeStorage(false), 'win32')).toBeNull();
  });

  it("refuses Linux's basic_text and unknown backends, accepts a real keyring", () => {
    expect(electronOsCrypto(safeStorage(true, 'basic_text'), 'linux')).toBeNull();
    expect(electronOsCrypto(safeStorage(true, 'unknown'), 'linux')).toBeNull();
    expect(electronOsCrypto(safeStorage(true), 'linux')).toBeNull();
    expect(electronOsCrypto(safeStorage(true, 'gnome_libsecret'), 'linux')).not.toBeNull();
    expect(electronOsCrypto(safeStorage(true, 'kwallet5'), 'linux')).not.toBeNull();
  });
});
