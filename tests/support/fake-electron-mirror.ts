// A stand-in for Electron's download server, for tests/packaging/start-electron.test.ts: a real HTTP
// server on the loopback serving, at @electron/get's URL layout (<mirror>v<version>/<file>), a zip of
// a tiny shell-script "electron" and the SHASUMS256.txt @electron/get verifies it against, plus a
// throwaway copy of the repository layout scripts/start-electron.mjs and electron's install.js expect.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';

export const repoRoot = path.resolve(__dirname, '..', '..');

interface ZipEntry {
  name: string;
  data: Buffer;
  mode: number;
}

/** A stored (uncompressed) zip whose entries carry Unix modes, as Electron's release zips do. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0021, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the external attributes are a mode
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0021, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | entry.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const electronVersion = (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
export const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;

/** The fake Electron: prints what it was started with, so a test can see the app was launched. */
export const fakeElectronZip = zip([
  { name: 'electron', data: Buffer.from('#!/bin/sh\necho "fake electron ran with: $*"\n'), mode: 0o755 },
  { name: 'version', data: Buffer.from(`v${electronVersion}`), mode: 0o644 },
]);

export interface Mirror {
  url: string;
  requests: string[];
  close: () => Promise<void>;
}

/** Serves the fake zip and its checksum file; with `stall`, accepts connections and never answers. */
export async function startMirror(options: { stall?: boolean } = {}): Promise<Mirror> {
  const requests: string[] = [];
  const sha = createHash('sha256').update(fakeElectronZip).digest('hex');
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (options.stall) return;
    if (request.url === `/v${electronVersion}/${zipName}`) {
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': fakeElectronZip.length });
      response.end(fakeElectronZip);
    } else if (request.url === `/v${electronVersion}/SHASUMS256.txt`) {
      response.end(`${sha} *${zipName}\n`);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A throwaway checkout: our start scripts, a built-looking dist/, and an electron package (its real
 * package.json, install.js and checksums.json) with no binary yet. @electron/get and the zip
 * extractor are linked from the real node_modules, so the download and unpacking are electron's own.
 */
export function fakeCheckout(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'thrive-first-start-'));
  mkdirSync(path.join(root, 'scripts'));
  for (const script of ['start-electron.mjs', 'electron-fetch.mjs']) {
    copyFileSync(path.join(repoRoot, 'scripts', script), path.join(root, 'scripts', script));
  }
  for (const built of ['dist/main/index.js', 'dist/main/preload.js', 'dist/renderer/index.html']) {
    mkdirSync(path.dirname(path.join(root, built)), { recursive: true });
    writeFileSync(path.join(root, built), '');
  }
  const electronDir = path.join(root, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  for (const file of ['package.json', 'install.js', 'checksums.json']) {
    copyFileSync(path.join(repoRoot, 'node_modules', 'electron', file), path.join(electronDir, file));
  }
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(path.join(repoRoot, 'node_modules', scope), path.join(root, 'node_modules', scope));
  }
  return root;
}
