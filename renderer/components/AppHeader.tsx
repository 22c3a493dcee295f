import type { MouseEvent } from 'react';
import { canSeeTeamView } from '../../shared/domain/team-access';
import { ROLE_LABELS } from '../../shared/ipc/schemas/clinicians';
import { lockApp } from '../lib/lock-app';
import { useLockState } from '../stores/lock';
import { useNavigationActions, useRoute, type Route } from '../stores/navigation';
import { useProfile } from '../stores/session';
import { useSyncStatus } from '../stores/sync';
import { serverRoleLabel } from '../lib/sync-words';
import { APP_NAME } from './page';
import { SyncIndicator } from './SyncIndicator';

/**
 * The service header: app name, who is signed in and their team, and the top-level links: Caseload,
 * Team (team leads only: the team view is theirs) and Settings, and "Lock" to lock the app at once
 * (e.g. before stepping away from the laptop). In team mode, the sync state (SyncIndicator).
 */
export function AppHeader() {
  const profile = useProfile();
  const route = useRoute();
  const { navigate } = useNavigationActions();

  const go = (event: MouseEvent<HTMLAnchorElement>, to: Route) => {
    event.preventDefault();
    navigate(to);
  };
  // Forms about a case belong to the caseload part of the app; Team and Settings are separate.
  const section = route.name === 'settings' || route.name === 'team' ? route.name : route.name === 'resolve-conflicts' || route.name === 'join-team' ? 'sync' : 'caseload';
  const isLead = canSeeTeamView(profile);
  const unlocked = useLockState() === 'unlocked';
  const sync = useSyncStatus();
  // In team mode the role and teams are the team server's, never the local profile's.
  const who =
    sync?.mode === 'team' && sync.person
      ? `${sync.person.name} (${serverRoleLabel(sync.person.role)}), ${sync.teamNames.join(', ')}`
      : profile
        ? `${profile.name} (${ROLE_LABELS[profile.role]}), ${profile.teamName}`
        : '';

  return (
    <header className="header">
      <div className="header__container">
        <span className="header__service">{APP_NAME}</span>
        {profile ? (
          <p className="header__profile">
            <span className="visually-hidden">Signed in as </span>
            {who}
          </p>
        ) : null}
        {profile && unlocked ? <SyncIndicator /> : null}
      </div>
      {profile && unlocked ? (
        <nav className="header__nav" aria-label="Main">
          <ul className="header__nav-list">
            <li>
              <a
                className="header__nav-link"
                href="#caseload"
                aria-current={route.name === 'caseload' ? 'page' : section === 'caseload' ? 'true' : undefined}
                onClick={(e) => go(e, { name: 'caseload' })}
              >
                Caseload
              </a>
            </li>
            {isLead ? (
              <li>
                <a
                  className="header__nav-link"
                  href="#team"
                  aria-current={section === 'team' ? 'page' : undefined}
                  onClick={(e) => go(e, { name: 'team' })}
                >
                  Team
                </a>
              </li>
            ) : null}
            <li>
              <a
                className="header__nav-link"
                href="#settings"
                aria-current={section === 'settings' ? 'page' : undefined}
                onClick={(e) => go(e, { name: 'settings' })}
              >
                Settings
              </a>
            </li>
            <li className="header__nav-item--end">
              <button type="button" className="header__nav-button" onClick={() => void lockApp()}>
                Lock
              </button>
            </li>
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
