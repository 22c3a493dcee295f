import { useCallback, useEffect, useState } from 'react';
import { ApiError, request, toApiError, type Api } from '../api/client';
import type { IpcResult } from '../../shared/ipc/result';

export type ApiData<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ApiError };

/**
 * Loads what a screen shows straight from the API (the renderer keeps no copy of the records).
 * `key` says which data this is (e.g. the case id): a new key shows "loading" rather than the
 * previous record, so one young person's details are never shown under another's heading.
 * `reload` fetches the same data again after a change, keeping the old value on screen meanwhile.
 */
export function useApiData<T>(
  call: (api: Api) => Promise<IpcResult<T>>,
  key: string,
): { data: ApiData<T>; reload: () => void } {
  const [state, setState] = useState<{ key: string; data: ApiData<T> }>({ key, data: { status: 'loading' } });
  const [generation, setGeneration] = useState(0);
  const callRef = useLatest(call);

  useEffect(() => {
    let current = true;
    request(callRef.current).then(
      (value) => {
        if (current) setState({ key, data: { status: 'ready', value } });
      },
      (error: unknown) => {
        if (current) setState({ key, data: { status: 'error', error: toApiError(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [key, generation, callRef]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.key === key ? state.data : { status: 'loading' }, reload };
}

/** A ref that always holds the latest value, for callbacks that should not restart effects. */
function useLatest<V>(value: V): { readonly current: V } {
  const [ref] = useState(() => ({ current: value }));
  ref.current = value;
  return ref;
}
