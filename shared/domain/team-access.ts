/**
 * Who may see the team view: team leads only. Main refuses everyone else ('forbidden',
 * main/features/team/team-scope.ts); the renderer says the same before asking (TeamPage.tsx).
 */
export const TEAM_VIEW_FORBIDDEN_MESSAGE = 'The team view is for team leads. Ask a team lead, or change your role in Settings.';

export function canSeeTeamView(profile: { role: string } | null | undefined): boolean {
  return profile?.role === 'team_lead';
}
