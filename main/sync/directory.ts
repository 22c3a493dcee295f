/**
 * The team directory from the server (GET /v1/me) made local: the teams the signed-in person is in,
 * their members as clinicians, and the person as this device's profile with the role the server gives.
 * Roles come from the organisation; the device only mirrors them. Rows are written only where they
 * differ, so a sync that finds nothing new leaves no audit entry.
 */
import type { Me, RoleOnServer } from '../../shared/sync/protocol';
import type { Clock } from '../../shared/clock';
import { appendAudit } from '../db/repos/audit';
import { getSetting, putSetting } from '../db/repos/settings';
import { hasUntakenWrites } from '../db/row-digests';
import { stmt, writeTx, type Db } from '../db/sql';
import { getSyncState, putSyncState } from './sync-state';

type LocalRole = 'clinician' | 'team_lead';

/** clinicians.role allows these two only: a service admin who is not also a clinician is not one here. */
function localRole(role: RoleOnServer): LocalRole | null {
  return role === 'service_admin' ? null : role;
}

/** The team holding this name here (case-insensitively), other than `teamId`. */
function holderOf(db: Db, name: string, teamId: string): { id: string; name: string } | undefined {
  return stmt<[string, string], { id: string; name: string }>(db, 'SELECT id, name FROM teams WHERE name = ? AND id <> ?').get(name, teamId);
}

/** The first of `name`, `name (2)`, `name (3)`… that no other team here holds. */
function numbered(db: Db, name: string, teamId: string): string {
  if (!holderOf(db, name, teamId)) return name;
  for (let n = 2; ; n++) if (!holderOf(db, `${name} (${n})`, teamId)) return `${name} (${n})`;
}

/**
 * A team's name is unique here (case-insensitively). The team server's name is the one its members
 * share and see in the header, so the server's team takes it: a team made on this computer alone that
 * holds it is renamed "… (this computer)" (its cases move to the server's team as they are joined,
 * main/sync/join.ts). Two of the server's own teams with one name are told apart by number.
 */
function putTeam(db: Db, id: string, name: string, at: string, serverTeams: ReadonlySet<string>): void {
  const local = holderOf(db, name, id);
  if (local && !serverTeams.has(local.id)) {
    stmt(db, 'UPDATE teams SET name = ? WHERE id = ?').run(numbered(db, `${local.name} (this computer)`, local.id), local.id);
  }
  stmt(
    db,
    `INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE name IS NOT excluded.name`,
  ).run(id, numbered(db, name, id), at);
}

function putClinician(db: Db, c: { id: string; name: string; role: LocalRole; teamId: string }, at: string): void {
  stmt(
    db,
    `INSERT INTO clinicians (id, name, role, team_id, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, team_id = excluded.team_id
     WHERE name IS NOT excluded.name OR role IS NOT excluded.role OR team_id IS NOT excluded.team_id`,
  ).run(c.id, c.name, c.role, c.teamId, at);
}

/** Each clinical member once: in the first team (in the server's order) where they lead, else the first they are in. */
function membersOf(me: Me): Map<string, { id: string; name: string; role: LocalRole; teamId: string }> {
  const out = new Map<string, { id: string; name: string; role: LocalRole; teamId: string }>();
  for (const team of me.teams) {
    for (const m of team.members) {
      const role = localRole(m.role);
      const held = out.get(m.personId);
      if (!role || (held && !(role === 'team_lead' && held.role === 'clinician'))) continue;
      out.set(m.personId, { id: m.personId, name: m.name, role, teamId: team.id });
    }
  }
  return out;
}

/** The signed-in person as a clinician here: their memberships decide the role, not a team's member list. */
function myself(me: Me, members: ReturnType<typeof membersOf>): { id: string; name: string; role: LocalRole; teamId: string } | null {
  const clinical = me.memberships.filter((m) => localRole(m.role) !== null);
  if (clinical.length === 0) return null;
  const lead = clinical.find((m) => m.role === 'team_lead');
  const teamId = members.get(me.person.id)?.teamId ?? (lead ?? clinical[0]!).teamId;
  return { id: me.person.id, name: me.person.name, role: lead ? 'team_lead' : 'clinician', teamId };
}

export function applyDirectory(db: Db, clock: Clock, me: Me): void {
  writeTx(db, () => {
    const at = clock.now();
    const serverTeams = new Set([...(getSyncState(db, 'teams') ?? []), ...me.teams.map((t) => t.id), ...me.memberships.map((m) => m.teamId)]);
    for (const team of me.teams) putTeam(db, team.id, team.name, at, serverTeams);
    // A membership's team the directory did not list still needs a row before a clinician points at it.
    for (const m of me.memberships) if (!me.teams.some((t) => t.id === m.teamId)) putTeam(db, m.teamId, `Team ${m.teamId.slice(0, 8)}`, at, serverTeams);
    const members = membersOf(me);
    const self = myself(me, members);
    if (self) members.set(self.id, self);
    for (const c of members.values()) putClinician(db, c, at);
    const before = getSetting(db, 'profileClinicianId');
    if (self && before !== self.id) putSetting(db, 'profileClinicianId', self.id, at);
    const teamIds = [...new Set([...me.teams.map((t) => t.id), ...me.memberships.map((m) => m.teamId)])];
    putSyncState(db, 'serverId', me.serverId, at);
    putSyncState(db, 'teams', teamIds, at);
    putSyncState(db, 'person', { id: me.person.id, name: me.person.name, roles: [...new Set(me.memberships.map((m) => m.role))] }, at);
    if (hasUntakenWrites(db)) {
      appendAudit(db, {
        at,
        actorId: me.person.id,
        action: 'sync.directory',
        entity: 'directory',
        entityId: me.serverId,
        before: { profileClinicianId: before },
        after: { teams: teamIds, clinicians: members.size, profileClinicianId: self?.id ?? before },
      });
    }
  });
}
