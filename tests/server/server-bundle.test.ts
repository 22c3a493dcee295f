/**
 * The built server (scripts/build-server.mjs → dist/server) as a deployment runs it: the admin CLI
 * migrates and sets up a team from the bundle, and main.js serves HTTPS with the given certificate.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serverConfigSchema } from '../../shared/sync/protocol';
import { apiUrlFrom } from '../../server/db/migrate';
import { freeLoopbackPort, startPostgres, type TestPostgres } from '../support/team/postgres';

const repoRoot = path.resolve(__dirname, '..', '..');
let db: TestPostgres;
let work: string;
let server: ChildProcess | undefined;

beforeAll(async () => {
  // `npm test` builds first; a standalone run builds here.
  if (!existsSync(path.join(repoRoot, 'dist', 'server', 'main.js'))) {
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  }
  db = await startPostgres();
  await db.createDatabase('bundle');
  work = mkdtempSync(path.join(tmpdir(), 'thrive-tls-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', path.join(work, 'key.pem'), '-out', path.join(work, 'cert.pem'),
  ], { stdio: 'ignore' });
}, 120_000);
afterAll(async () => {
  server?.kill('SIGTERM');
  await db?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

function admin(...args: string[]): string {
  return execFileSync(process.execPath, ['dist/server/admin-cli.js', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', THRIVE_OWNER_DATABASE_URL: db.url('bundle'), THRIVE_API_PASSWORD: 'bundle-test-password' },
    encoding: 'utf8',
  });
}

function getConfig(port: number, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get({ host: '127.0.0.1', port, path: '/v1/config', ca }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

it('migrates from the bundle and serves HTTPS with the given certificate', async () => {
  expect(admin('migrate')).toContain('Applied: 0001-tables, 0002-row-security, 0003-append-only-log, 0004-device-outbox');
  admin('set-api-password');
  admin('create-team', '--id', 'camhs-north', '--name', 'CAMHS North');
  expect(admin('verify-chain')).toBe('camhs-north: 0 entries, chain holds\n');

  const port = await freeLoopbackPort();
  server = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      THRIVE_DATABASE_URL: apiUrlFrom(db.url('bundle'), 'bundle-test-password'),
      THRIVE_OIDC_ISSUER: 'https://login.trust.test',
      THRIVE_OIDC_AUDIENCE: 'https://thrive.trust.test/api',
      THRIVE_OIDC_CLIENT_ID: 'thrive-desktop',
      THRIVE_TLS_CERT: path.join(work, 'cert.pem'),
      THRIVE_TLS_KEY: path.join(work, 'key.pem'),
      THRIVE_HOST: '127.0.0.1',
      THRIVE_PORT: String(port),
    },
    stdio: 'ignore',
  });
  const ca = readFileSync(path.join(work, 'cert.pem'));
  let answer: { status: number; body: string } | undefined;
  for (let i = 0; i < 100 && !answer; i++) {
    answer = await getConfig(port, ca).catch(() => undefined);
    if (!answer) await new Promise((r) => setTimeout(r, 100));
  }
  expect(answer?.status).toBe(200);
  expect(serverConfigSchema.parse(JSON.parse(answer!.body))).toMatchObject({ clientId: 'thrive-desktop', protocol: 1 });
});
