/**
 * `window.api` over any transport: one function per channel, grouped by domain (`api.cases.open(args)`
 * invokes 'cases:open'). The preload builds it over ipcRenderer; the component tests build the same
 * object over the real handlers in-process (tests/support/app-api/backend.ts).
 */
import { CHANNEL_NAMES, splitChannel } from './channels';

type Invoke = (channel: string, args: unknown) => Promise<unknown>;
export type ApiShape = Record<string, Record<string, (args?: unknown) => Promise<unknown>>>;

export function buildApi(invoke: Invoke, channels: readonly string[] = CHANNEL_NAMES): ApiShape {
  const api: ApiShape = {};
  for (const channel of channels) {
    const { domain, verb } = splitChannel(channel);
    const group = (api[domain] ??= {});
    // Arguments are forwarded as given; main parses them with the channel's schema and trusts nothing.
    group[verb] = (args?: unknown) => invoke(channel, args ?? {});
  }
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze(api);
}
