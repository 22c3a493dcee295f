import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../shared/ipc/channels';

const { exposeInMainWorld, invoke } = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
}));
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } }));

await import('./preload');

type ExposedApi = Record<string, Record<string, (args?: unknown) => Promise<unknown>>>;

// Captured once, at import, before the runner resets mock call records between tests.
const exposures = exposeInMainWorld.mock.calls.map((call) => [...call] as [string, ExposedApi]);

function exposed(): ExposedApi {
  const [name, api] = exposures[0] ?? [];
  expect(name).toBe('api');
  if (!api) throw new Error('nothing exposed');
  return api;
}

describe('preload', () => {
  it('exposes only window.api', () => {
    expect(exposures.map(([name]) => name)).toEqual(['api']);
  });

  it('exposes exactly one function per contract channel, grouped by domain, and nothing else', () => {
    const api = exposed();
    const names = Object.entries(api).flatMap(([domain, verbs]) =>
      Object.entries(verbs).map(([verb, fn]) => {
        expect(typeof fn).toBe('function');
        return `${domain}:${verb}`;
      }),
    );
    expect(names.sort()).toEqual([...CHANNEL_NAMES].sort());
    // No way to reach ipcRenderer or send on an arbitrary channel.
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|send|invoke|on/i);
  });

  it('sends each function to its own channel with the arguments unchanged', async () => {
    const api = exposed();
    const args = { caseRef: 'C-1', name: 'Sam' };
    await expect(api.cases?.open?.(args)).resolves.toEqual({ ok: true, value: { channel: 'cases:open', args } });
    expect(invoke).toHaveBeenLastCalledWith('cases:open', args);
    for (const channel of CHANNEL_NAMES) {
      const [domain = '', verb = ''] = channel.split(':');
      await api[domain]?.[verb]?.({});
      expect(invoke).toHaveBeenLastCalledWith(channel, {});
    }
  });

  it('sends an empty object when a no-argument channel is called without arguments', async () => {
    await exposed().app?.state?.();
    expect(invoke).toHaveBeenLastCalledWith('app:state', {});
  });

  it('freezes the api so page scripts cannot swap a function', () => {
    const api = exposed();
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.cases)).toBe(true);
  });
});
