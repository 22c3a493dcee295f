/** How the caseload is being looked at: search, filters, sort and the highlighted row. UI state only. */
import { create } from 'zustand';
import type { FlagCode } from '../../shared/domain/flags';
import type { GroupingCode } from '../../shared/domain/groupings';

export type SortKey = 'name' | 'caseRef' | 'grouping' | 'weeksOpen' | 'nextReview' | 'targetDate' | 'flags';
export type SortDirection = 'ascending' | 'descending';

/** '' = every case; 'needs_action' = any flag other than "due soon"; otherwise one flag. */
export type FlagFilter = '' | 'needs_action' | 'none' | FlagCode;
/** '' = every grouping; 'not_recorded' = no Current View yet. */
export type GroupingFilter = '' | 'not_recorded' | GroupingCode;

/** Columns where the most useful first click puts the largest (most urgent, longest) first. */
const DESCENDING_FIRST: ReadonlySet<SortKey> = new Set(['weeksOpen', 'flags']);

interface CaseloadViewState {
  search: string;
  flag: FlagFilter;
  grouping: GroupingFilter;
  /** Whose caseload; null = the signed-in clinician's. */
  clinicianId: string | null;
  sort: { key: SortKey; direction: SortDirection };
  highlightedCaseId: string | null;
  actions: {
    setSearch(search: string): void;
    setFlag(flag: FlagFilter): void;
    setGrouping(grouping: GroupingFilter): void;
    setClinician(clinicianId: string | null): void;
    sortBy(key: SortKey): void;
    highlight(caseId: string | null): void;
    clearFilters(): void;
  };
}

export const useCaseloadViewStore = create<CaseloadViewState>()((set, get) => ({
  search: '',
  flag: '',
  grouping: '',
  clinicianId: null,
  // Most urgent first: the reason a clinician opens the caseload is to see what needs action.
  sort: { key: 'flags', direction: 'descending' },
  highlightedCaseId: null,
  actions: {
    // A new search or filter is a new list: the keyboard starts again at its first case (the row the
    // keyboard was last on is not shown while typing, so the down arrow must not land on it unseen).
    setSearch: (search) => set({ search, highlightedCaseId: null }),
    setFlag: (flag) => set({ flag, highlightedCaseId: null }),
    setGrouping: (grouping) => set({ grouping, highlightedCaseId: null }),
    setClinician: (clinicianId) => set({ clinicianId, highlightedCaseId: null }),
    sortBy(key) {
      const { sort } = get();
      if (sort.key === key) {
        set({ sort: { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' } });
      } else {
        set({ sort: { key, direction: DESCENDING_FIRST.has(key) ? 'descending' : 'ascending' } });
      }
    },
    highlight: (highlightedCaseId) => set({ highlightedCaseId }),
    clearFilters: () => set({ search: '', flag: '', grouping: '', highlightedCaseId: null }),
  },
}));

export const useCaseloadSearch = (): string => useCaseloadViewStore((s) => s.search);
export const useCaseloadFlagFilter = (): FlagFilter => useCaseloadViewStore((s) => s.flag);
export const useCaseloadGroupingFilter = (): GroupingFilter => useCaseloadViewStore((s) => s.grouping);
export const useCaseloadClinician = (): string | null => useCaseloadViewStore((s) => s.clinicianId);
export const useCaseloadSort = (): CaseloadViewState['sort'] => useCaseloadViewStore((s) => s.sort);
export const useHighlightedCaseId = (): string | null => useCaseloadViewStore((s) => s.highlightedCaseId);
export const useCaseloadViewActions = (): CaseloadViewState['actions'] => useCaseloadViewStore((s) => s.actions);
