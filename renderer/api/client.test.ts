import { describe, expect, it } from 'vitest';
import { ApiError, getApi, request, setApiForTests } from './client';
import { createTestBackend } from '../../tests/support/app-api/backend';

describe('api client', () => {
  it('returns the value of a successful call', async () => {
    const backend = createTestBackend();
    setApiForTests(backend.api);
    const state = await request((api) => api.app.state({}));
    expect(state.today).toBe(backend.today);
  });

  it('turns a failed call into an ApiError that keeps the field errors', async () => {
    setApiForTests(createTestBackend().api);
    const error = await request((api) => api.cases.open({ caseRef: '', name: 'x' } as never)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('validation');
    expect((error as ApiError).fields.map((f) => f.path)).toContain('caseRef');
  });

  it('turns a broken transport into a plain-English ApiError', async () => {
    const backend = createTestBackend();
    setApiForTests({ ...backend.api, app: { state: () => Promise.reject(new Error('socket hang up')) } });
    const error = await request((api) => api.app.state({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('internal');
    expect((error as ApiError).message).not.toContain('socket');
  });

  it('says clearly when there is no window.api', () => {
    setApiForTests(null);
    expect(() => getApi()).toThrow(ApiError);
  });
});
