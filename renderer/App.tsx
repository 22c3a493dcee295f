import { useEffect, type MouseEvent } from 'react';
import { AppHeader } from './components/AppHeader';
import { LoadProblem, Loading, usePageTitle } from './components/page';
import { UnsavedChangesDialog } from './components/UnsavedChangesDialog';
import { CasePage } from './features/case/CasePage';
import { CaseloadPage } from './features/caseload/CaseloadPage';
import { CurrentViewForm } from './features/current-view/CurrentViewForm';
import { CloseCaseForm } from './features/close-case/CloseCaseForm';
import { ExportPage } from './features/export/ExportPage';
import { ImportPage } from './features/import/ImportPage';

import { LockScreen } from './features/lock/LockScreen';
import { RecoveryNotice } from './features/lock/RecoveryNotice';
import { SetupScreen } from './features/lock/SetupScreen';
import { OpenCaseForm } from './features/open-case/OpenCaseForm';
import { PlanForm } from './features/plan/PlanForm';
import { RevisePlanForm } from './features/revise-plan/RevisePlanForm';
import { ProfileSetup } from './features/profile/ProfileSetup';
import { ResolveConflictsPage } from './features/resolve-conflicts/ResolveConflictsPage';
import { JoinTeamPage } from './features/join-team/JoinTeamPage';
import { ReopenCaseForm } from './features/reopen-case/ReopenCaseForm';
import { ReviewForm } from './features/review/ReviewForm';
import { SettingsPage } from './features/settings/SettingsPage';
import { TeamPage } from './features/team/TeamPage';
import { lockApp } from './lib/lock-app';
import { useIdleLock } from './hooks/use-idle-lock';
import { useAutoLockMinutes, useLockActions, useLockError, useLockState } from './stores/lock';
import { routeKey, usePendingRoute, useRoute, type Route } from './stores/navigation';
import { useProfile, useSessionActions, useSessionError, useSessionStatus, useSettings } from './stores/session';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'caseload':
      return <CaseloadPage />;
    case 'open-case':
      return <OpenCaseForm />;
    case 'current-view':
      return <CurrentViewForm caseId={route.caseId} reviewId={route.reviewId} />;
    case 'plan':
      return <PlanForm caseId={route.caseId} />;
    case 'case':
      return <CasePage caseId={route.caseId} />;
    case 'review':
      return <ReviewForm caseId={route.caseId} />;
    case 'revise-plan':
      return <RevisePlanForm caseId={route.caseId} reviewId={route.reviewId} />;
    case 'close-case':
      return <CloseCaseForm caseId={route.caseId} />;
    case 'reopen-case':
      return <ReopenCaseForm caseId={route.caseId} />;
    case 'settings':
      return <SettingsPage />;
    case 'team':
      return <TeamPage clinicianId={route.clinicianId} />;
    case 'export':
      return <ExportPage />;
    case 'import':
      return <ImportPage />;
    case 'resolve-conflicts':
      return <ResolveConflictsPage />;
    case 'join-team':
      return <JoinTeamPage />;
  }
}

function StartProblem({ message, onRetry }: { message: string; onRetry(): void }) {
  usePageTitle('There is a problem');
  return (
    <>
      <h1 className="heading-xl">Sorry, there is a problem</h1>
      <LoadProblem message={message} onRetry={onRetry} />
    </>
  );
}

/** What the app lock allows before anything from the records is loaded. */
function Gate() {
  const lockState = useLockState();
  const lockError = useLockError();
  const { check } = useLockActions();
  switch (lockState) {
    case 'checking':
      return <Loading what="THRIVE Plans" />;
    case 'error':
      return <StartProblem message={lockError ?? 'THRIVE Plans could not start.'} onRetry={() => void check()} />;
    case 'setup':
      return <SetupScreen />;
    case 'locked':
      return <LockScreen />;
    case 'unlocked':
      return <Body />;
  }
}

function Body() {
  const status = useSessionStatus();
  const error = useSessionError();
  const profile = useProfile();
  const route = useRoute();
  const { load } = useSessionActions();

  if (status === 'loading') return <Loading what="THRIVE Plans" />;
  if (status === 'error') return <StartProblem message={error ?? 'THRIVE Plans could not start.'} onRetry={() => void load()} />;
  // First run: nothing else makes sense until we know who is using the app.
  if (!profile) return <ProfileSetup />;
  return (
    <>
      <RecoveryNotice />
      <Screen key={routeKey(route)} route={route} />
    </>
  );
}

export function App() {
  const { load } = useSessionActions();
  const { check } = useLockActions();
  const lockState = useLockState();
  const settings = useSettings();
  const lockMinutes = useAutoLockMinutes();
  const dialogOpen = usePendingRoute() !== null;

  useEffect(() => {
    void check();
  }, [check]);

  // Records are read only once unlocked, and read afresh after every unlock (locking forgot them).
  useEffect(() => {
    if (lockState === 'unlocked') void load();
  }, [lockState, load]);

  useIdleLock({
    minutes: settings?.autoLockMinutes ?? lockMinutes,
    enabled: lockState === 'unlocked',
    onIdle: () => void lockApp(),
  });

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main-content')?.focus();
  };

  return (
    <>
      <div className="page" inert={dialogOpen}>
        <a className="skip-link" href="#main-content" onClick={skipToMain}>
          Skip to main content
        </a>
        <AppHeader />
        <div className="width-container">
          <main className="main-wrapper" id="main-content" tabIndex={-1}>
            <Gate />
          </main>
        </div>
      </div>
      <UnsavedChangesDialog />
    </>
  );
}
