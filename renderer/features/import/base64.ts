/**
 * A file's bytes as base64 for the IPC call. String.fromCharCode(...bytes) on a whole multi-megabyte
 * file overflows the call stack, so the bytes go through in chunks; each chunk is a multiple of 3 bytes
 * so the base64 of the chunks joined is the base64 of the whole (no padding in the middle).
 */
const CHUNK_BYTES = 3 * 8192;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const chunk = bytes.subarray(start, start + CHUNK_BYTES);
    let binary = '';
    for (let i = 0; i < chunk.length; i++) binary += String.fromCharCode(chunk[i]!);
    parts.push(btoa(binary));
  }
  return parts.join('');
}
