/**
 * The only bridge between the page and main: `window.api`, one named function per IPC channel,
 * grouped by domain (`api.cases.open(args)` invokes 'cases:open'). No ipcRenderer, no channel
 * strings, no Node: the page can ask for exactly the operations in the contract and nothing else.
 * Runs sandboxed, so it imports only the zod-free channel list (bundled in by esbuild) and electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/ipc/build-api';

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, args) => ipcRenderer.invoke(channel, args)),
);
