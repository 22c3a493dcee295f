import { useEffect, useRef } from 'react';
import { routeKey, useRoute } from '../../stores/navigation';
import { useLockActions, useRecoveryNotice } from '../../stores/lock';

/**
 * After a damaged database was replaced by a backup at start-up: the time window that may be missing,
 * said on the first screen after unlocking (and gone once the user moves on).
 */
export function RecoveryNotice() {
  const notice = useRecoveryNotice();
  const key = routeKey(useRoute());
  const shownOn = useRef(key);
  const { dismissRecoveryNotice } = useLockActions();

  useEffect(() => {
    if (key !== shownOn.current) dismissRecoveryNotice();
  }, [key, dismissRecoveryNotice]);

  if (!notice) return null;
  return (
    <div className="notification notification--important" role="alert">
      <h2 className="heading-s">Check your recent work</h2>
      <p>{notice}</p>
    </div>
  );
}
