import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';

describe('bytesToBase64', () => {
  it('matches btoa for short and odd-length input, including bytes over 127', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'Zoë Brontë, 15/03/2012']) {
      const bytes = new TextEncoder().encode(text);
      expect(bytesToBase64(bytes)).toBe(btoa(String.fromCharCode(...bytes)));
    }
  });

  it('encodes a file of several megabytes without overflowing the stack, round-tripping every byte', () => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) % 256;
    const encoded = bytesToBase64(bytes);
    expect(encoded.length).toBe(Math.ceil(bytes.length / 3) * 4);
    const decoded = atob(encoded);
    expect(decoded.length).toBe(bytes.length);
    for (const i of [0, 1, 24575, 24576, 24577, bytes.length - 1]) expect(decoded.charCodeAt(i)).toBe(bytes[i]);
  });
});
