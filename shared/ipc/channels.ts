/**
 * Every channel name, with no runtime dependencies, so the preload can build `window.api` from it
 * without bundling zod. contract.ts checks at compile time that this list and the contract agree.
 */
export const CHANNEL_NAMES = [
  'app:state',
  'profile:setup',
  'clinicians:create',
  'clinicians:list',
  'clinicians:update',
  'teams:list',
  'teams:create',
  'settings:get',
  'settings:update',
  'cases:open',
  'cases:list',
  'cases:get',
  'currentView:record',
  'plan:save',
  'caseload:list',
  'review:record',
  'plan:revise',
  'cases:close',
  'cases:reopen',
  'cases:history',
  'drafts:save',
  'drafts:get',
  'drafts:discard',
  'team:overview',
  'team:cases',
  'team:exportCsv',
  'team:supervisionPack',
  'export:caseFhir',
  'export:caseloadFhir',
  'export:caseloadCsv',
  'export:casePdf',
  'export:summaryText',
  'import:template',
  'import:preview',
  'import:commit',
  'lock:status',
  'lock:setup',
  'lock:unlock',
  'lock:lock',
  'lock:ping',
  'lock:changePassphrase',
  'lock:recover',
  'backup:list',
  'backup:create',
  'backup:restore',
  'demo:seed',
  'sync:status',
  'sync:connect',
  'sync:signIn',
  'sync:signOut',
  'sync:now',
  'sync:conflicts',
  'sync:resolve',
  'sync:joinPreview',
  'sync:join',
  'sync:refused',
  'sync:retry',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** 'cases:open' → the api's `cases` group and its `open` function. */
export function splitChannel(name: string): { domain: string; verb: string } {
  const i = name.indexOf(':');
  return { domain: name.slice(0, i), verb: name.slice(i + 1) };
}
