/**
 * Where the local provider keeps its sessions, codes, grants and tokens: in memory, one store per
 * started provider, so two providers in one test process never see each other's state and a stop
 * forgets everything. Written here rather than using oidc-provider's bundled quick-start adapter
 * only because that one is process-global and warns on every start; the contract is the same
 * (oidc-provider's adapter interface: upsert, find, findByUid, findByUserCode, consume, destroy,
 * revokeByGrantId).
 */

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

interface Entry {
  payload: Payload;
  /** Epoch ms after which the entry is gone; undefined = no expiry. */
  expiresAt?: number;
}

export function memoryAdapterFactory(): (name: string) => object {
  const store = new Map<string, Entry>();
  const grants = new Map<string, Set<string>>();

  const live = (key: string): Payload | undefined => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  return (name: string) => {
    const key = (id: string) => `${name}:${id}`;
    return {
      async upsert(id: string, payload: Payload, expiresIn?: number) {
        store.set(key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
        if (payload.uid) store.set(`${name}:uid:${payload.uid}`, { payload: { id } });
        if (payload.userCode) store.set(`${name}:userCode:${payload.userCode}`, { payload: { id } });
        if (payload.grantId) {
          const set = grants.get(payload.grantId) ?? new Set<string>();
          set.add(key(id));
          grants.set(payload.grantId, set);
        }
      },
      async find(id: string) {
        return live(key(id));
      },
      async findByUid(uid: string) {
        const ref = store.get(`${name}:uid:${uid}`)?.payload.id;
        return typeof ref === 'string' ? live(key(ref)) : undefined;
      },
      async findByUserCode(userCode: string) {
        const ref = store.get(`${name}:userCode:${userCode}`)?.payload.id;
        return typeof ref === 'string' ? live(key(ref)) : undefined;
      },
      async consume(id: string) {
        const payload = live(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id: string) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId: string) {
        for (const k of grants.get(grantId) ?? []) store.delete(k);
        grants.delete(grantId);
      },
    };
  };
}
