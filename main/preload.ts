/**
 * The only bridge between the page and main: `window.api`, one named function per IPC channel,
 * grouped by domain (`api.cases.open(args)` invokes 'cases:open'). No ipcRenderer, no channel
 * strings, no Node: the page can ask for exactly the operations in the contract and nothing else.
 * Runs sandboxed, so it imports only the zod-free channel list (bundled in by esbuild) and electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../shared/ipc/channels';

type Invoke = (channel: string, args: unknown) => Promise<unknown>;
type ApiShape = Record<string, Record<string, (args?: unknown) => Promise<unknown>>>;

/** Builds the api object over any transport; the e2e harness builds the same shape over fetch. */
export function buildApi(invoke: Invoke, channels: readonly string[] = CHANNEL_NAMES): ApiShape {
  const api: ApiShape = {};
  for (const channel of channels) {
    const colon = channel.indexOf(':');
    const domain = channel.slice(0, colon);
    const verb = channel.slice(colon + 1);
    const group = (api[domain] ??= {});
    // Arguments are forwarded as given; main parses them with the channel's schema and trusts nothing.
    group[verb] = (args?: unknown) => invoke(channel, args ?? {});
  }
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze(api);
}

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, args) => ipcRenderer.invoke(channel, args)),
);
