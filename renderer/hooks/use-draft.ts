/**
 * Draft autosave for a form: nothing typed is lost if the laptop sleeps or the app closes. The form
 * keeps its state here instead of in useState; ~800 ms after the last change the state is saved with
 * drafts:save. Opening the form again restores the draft (the form says so and offers to discard it).
 * A successful save of the record ends autosaving: main deletes the draft in the same transaction.
 * A draft is never a record: only its own form reads it.
 */
import { useCallback, useEffect, useRef, useState, type SetStateAction } from 'react';
import type { DraftKind } from '../../shared/domain/lifecycle';
import type { ArgsOf } from '../../shared/ipc/contract';
import type { DraftRecord } from '../../shared/ipc/types';
import { request } from '../api/client';
import { useApiData } from './use-api-data';
import { useUnsavedChangesStore } from '../stores/unsaved-changes';
import { getScheduler } from '../lib/scheduler';

/** Long enough not to write on every key press, short enough that a sudden close loses little. */
export const DRAFT_DELAY_MS = 800;

/** Every mounted form's "save my waiting draft now", so locking the app can keep the last typing. */
const flushers = new Set<() => Promise<void>>();

/**
 * Sends every draft still waiting for its timer now, and waits for them: called before the app locks
 * (the lock closes the database, so a draft sent after it would be refused and the typing lost).
 */
export async function flushAllDrafts(): Promise<void> {
  await Promise.all([...flushers].map((flush) => flush()));
}

export type SavedDraft = { status: 'loading' } | { status: 'ready'; draft: DraftRecord | null };

/**
 * The form's saved draft, loaded alongside the form's own data so the form opens already restored
 * (never blank and then overwritten under the user's fingers). A draft that cannot be read is
 * treated as none: the form still opens.
 */
export function useSavedDraft(kind: DraftKind, caseId: string | null): SavedDraft {
  const { data } = useApiData((api) => api.drafts.get({ kind, caseId }), `draft:${kind}:${caseId ?? ''}`);
  if (data.status === 'loading') return { status: 'loading' };
  return { status: 'ready', draft: data.status === 'ready' ? data.value : null };
}

interface Options<T> {
  kind: DraftKind;
  caseId: string | null;
  /** From useSavedDraft: the draft to restore, if any. */
  saved: DraftRecord | null;
  /** The blank form. */
  initial: () => T;
  /** A stored payload back into form state (payloads from older versions may lack fields). */
  restore: (payload: unknown, blank: T) => T;
}

export interface Draft<T> {
  value: T;
  setValue(next: SetStateAction<T>): void;
  /** When the draft shown was saved (ISO instant), or null when the form did not start from one. */
  restoredAt: string | null;
  /** Throws the draft away and starts the form again blank. */
  discard(): void;
  /**
   * Wraps the save of the record: no draft is written while it runs; after it succeeds none ever
   * is (the record now holds what was typed); if it fails, autosave carries on.
   */
  whileSaving<R>(run: () => Promise<R>): Promise<R>;
  /** True after a draft could not be saved (shown so the user knows to save the form itself). */
  draftFailed: boolean;
}

type Payload = ArgsOf<'drafts:save'>['payload'];

export function useDraft<T>({ kind, caseId, saved, initial, restore }: Options<T>): Draft<T> {
  const [state, setState] = useState(() => {
    const blank = initial();
    return saved ? { value: restore(saved.payload, blank), restoredAt: saved.savedAt } : { value: blank, restoredAt: null };
  });
  const initialRef = useRef(initial);
  initialRef.current = initial;
  const autosave = useAutosave(kind, caseId, state.value);
  const { baseline, latest, mode, stopTimer, schedule } = autosave;

  const setValue = useCallback((next: SetStateAction<T>) => {
    setState((s) => ({ ...s, value: typeof next === 'function' ? (next as (v: T) => T)(s.value) : next }));
  }, []);

  const discard = useCallback(() => {
    stopTimer();
    const blank = initialRef.current();
    baseline.current = blank;
    setState({ value: blank, restoredAt: null });
    void request((api) => api.drafts.discard({ kind, caseId })).catch(() => undefined);
  }, [kind, caseId, stopTimer, baseline]);

  const whileSaving = useCallback(
    async <R>(run: () => Promise<R>): Promise<R> => {
      stopTimer();
      mode.current = 'saving';
      try {
        const result = await run();
        mode.current = 'done';
        return result;
      } catch (error) {
        mode.current = 'editing';
        if (latest.current !== baseline.current) schedule();
        throw error;
      }
    },
    [stopTimer, schedule, mode, latest, baseline],
  );

  return { value: state.value, setValue, restoredAt: state.restoredAt, discard, whileSaving, draftFailed: autosave.draftFailed };
}

/**
 * The timer behind a draft: saves `value` once typing pauses, sends a waiting save when the form
 * goes away or the app locks, and tells whether the last save failed.
 */
function useAutosave<T>(kind: DraftKind, caseId: string | null, value: T) {
  const [draftFailed, setDraftFailed] = useState(false);
  /** The value that needs no saving: as loaded, as restored, or as last sent. */
  const baseline = useRef<T>(value);
  const latest = useRef<T>(value);
  latest.current = value;
  const cancelTimer = useRef<(() => void) | null>(null);
  const mode = useRef<'editing' | 'saving' | 'done'>('editing');
  const mounted = useRef(true);

  const stopTimer = useCallback(() => {
    cancelTimer.current?.();
    cancelTimer.current = null;
  }, []);

  const saveDraft = useCallback((): Promise<void> => {
    cancelTimer.current = null;
    if (mode.current !== 'editing') return Promise.resolve();
    const payload = latest.current;
    baseline.current = payload;
    return request((api) => api.drafts.save({ kind, caseId, payload: payload as Payload })).then(
      () => {
        if (mounted.current) setDraftFailed(false);
      },
      () => {
        if (mounted.current) setDraftFailed(true);
      },
    );
  }, [kind, caseId]);

  const schedule = useCallback(() => {
    stopTimer();
    cancelTimer.current = getScheduler().after(DRAFT_DELAY_MS, () => void saveDraft());
  }, [stopTimer, saveDraft]);

  // Every change (re)starts the wait, so a burst of typing is saved once, after it stops.
  useEffect(() => {
    if (mode.current === 'editing' && value !== baseline.current) schedule();
  }, [value, schedule]);

  // Leaving the form (in-app navigation) must not drop the typing of the last moments: a save still
  // waiting for its timer is sent now. The leave dialog can then truthfully say the draft is kept.
  useEffect(() => {
    mounted.current = true;
    const { setKeptAsDraft } = useUnsavedChangesStore.getState().actions;
    setKeptAsDraft(true);
    const flush = (): Promise<void> => {
      if (cancelTimer.current === null) return Promise.resolve();
      stopTimer();
      return saveDraft();
    };
    flushers.add(flush);
    return () => {
      flushers.delete(flush);
      mounted.current = false;
      const pending = cancelTimer.current !== null;
      stopTimer();
      if (pending && mode.current === 'editing' && latest.current !== baseline.current) void saveDraft();
      setKeptAsDraft(false);
    };
  }, [stopTimer, saveDraft]);

  return { draftFailed, baseline, latest, mode, stopTimer, schedule };
}
