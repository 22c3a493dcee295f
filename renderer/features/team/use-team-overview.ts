import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { TeamOverview } from '../../../shared/ipc/types';
import { request, toApiError } from '../../api/client';
import type { ApiData } from '../../hooks/use-api-data';
import { useTeamPeriod, useTeamViewActions, type Period } from '../../stores/team-view';

function argsFor(clinicianId: string | undefined, period: Period | null) {
  return {
    ...(clinicianId ? { clinicianId } : {}),
    ...(period ? { closedFrom: period.from, closedTo: period.to } : {}),
  };
}

/**
 * The team overview (team:overview) for the team or one clinician, over the endings period in the
 * team-view store. A new clinician shows "loading" (never one clinician's figures under another's
 * name); a new period keeps the figures on screen until the new ones arrive, and `showPeriod`
 * rejects with the ApiError (e.g. a validation error on closedFrom) so the period form can show it.
 * Only the latest request's answer is used, whichever order answers arrive in.
 */
export function useTeamOverview(clinicianId: string | undefined) {
  const period = useTeamPeriod();
  const { setPeriod } = useTeamViewActions();
  const key = clinicianId ?? '';
  const [state, setState] = useState<{ key: string; data: ApiData<TeamOverview> }>({ key, data: { status: 'loading' } });
  const [generation, setGeneration] = useState(0);
  const latest = useRef({ key, period, seq: 0 });
  latest.current.key = key;
  latest.current.period = period;

  useEffect(() => {
    const seq = ++latest.current.seq;
    request((api) => api.team.overview(argsFor(clinicianId, latest.current.period))).then(
      (value) => {
        // A transition: the figures (charts and tables below the case list) render after the case
        // table, never in its way, when both answers arrive together (bench/renderer.ts's team view).
        if (latest.current.seq === seq) startTransition(() => setState({ key, data: { status: 'ready', value } }));
      },
      (error: unknown) => {
        if (latest.current.seq === seq) setState({ key, data: { status: 'error', error: toApiError(error) } });
      },
    );
  }, [key, clinicianId, generation]);

  const showPeriod = useCallback(
    async (next: Period) => {
      const forKey = latest.current.key;
      const seq = ++latest.current.seq;
      const value = await request((api) => api.team.overview(argsFor(forKey || undefined, next)));
      if (latest.current.seq !== seq || latest.current.key !== forKey) return;
      setPeriod(next);
      setState({ key: forKey, data: { status: 'ready', value } });
    },
    [setPeriod],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const data: ApiData<TeamOverview> = state.key === key ? state.data : { status: 'loading' };
  return { data, reload, showPeriod };
}
