/**
 * The service admin's command line (commands in server/admin-cli-commands.ts):
 *
 *   THRIVE_OWNER_DATABASE_URL=postgres://owner@db/thrive node dist/server/admin-cli.js grant \
 *     --email sam@trust.nhs.uk --team camhs-north --role team_lead
 */
import { runAdminCli } from './admin-cli-commands';

runAdminCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
