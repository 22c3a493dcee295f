import type { Role } from '../../../shared/ipc/schemas/clinicians';

/** Everything here is invented for the demo; no real person or team. */
export const DEMO_TEAM_NAME = 'Demo CAMHS Team (fictional)';

export const DEMO_TEAM_LEAD: { name: string; role: Role } = { name: 'Dr Morgan Ellis', role: 'team_lead' };

export const DEMO_COLLEAGUES: ReadonlyArray<{ name: string; role: Role }> = [
  { name: 'Priya Natarajan', role: 'clinician' },
  { name: 'Tom Reilly', role: 'clinician' },
  { name: 'Grace Adeyemi', role: 'clinician' },
];
