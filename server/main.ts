/**
 * The team server's entry point for a real deployment (docs/team-mode.md):
 *
 *   THRIVE_DATABASE_URL=postgres://thrive_api:…@db/thrive THRIVE_OIDC_ISSUER=https://login.example \
 *   THRIVE_OIDC_AUDIENCE=https://thrive.example/api THRIVE_OIDC_CLIENT_ID=thrive-desktop \
 *   THRIVE_TLS_CERT=/etc/thrive/cert.pem THRIVE_TLS_KEY=/etc/thrive/key.pem THRIVE_PORT=8443 \
 *   node dist/server/main.js
 */
import { readServerEnv, startServer } from './start';

async function main(): Promise<void> {
  let config;
  try {
    config = readServerEnv(process.env);
  } catch (error) {
    process.stderr.write(`thrive team server: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const started = await startServer(config);
  const stop = () => {
    void started.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`thrive team server: ${(error as Error).message}\n`);
  process.exit(1);
});
