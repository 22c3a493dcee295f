/**
 * The local trial's people: clearly fictional, on the reserved .test domain (RFC 2606) so no email can
 * ever reach anyone. The trial grants them roles in its demo team by these emails (a grant by email
 * makes the person ahead of first sign-in; see server/admin-cli.ts), and prints the password so
 * whoever is trying it can sign in from the desktop app.
 */
import type { IdpAccount } from './accounts';

/** One password for every demo account: the trial prints it; it guards nothing real. */
export const DEMO_PASSWORD = 'thrive-demo-only';

export const DEMO_ACCOUNTS: readonly (IdpAccount & { role: 'clinician' | 'team_lead' | 'service_admin' })[] = [
  { email: 'robin.clinician@thrive.test', name: 'Robin Ashby (demo)', password: DEMO_PASSWORD, role: 'clinician' },
  { email: 'priya.clinician@thrive.test', name: 'Priya Lind (demo)', password: DEMO_PASSWORD, role: 'clinician' },
  { email: 'jordan.lead@thrive.test', name: 'Jordan Vale (demo)', password: DEMO_PASSWORD, role: 'team_lead' },
  { email: 'casey.admin@thrive.test', name: 'Casey Moor (demo)', password: DEMO_PASSWORD, role: 'service_admin' },
];
