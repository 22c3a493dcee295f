/**
 * How the team view is being looked at: search, filters, the highlighted row and the period the
 * endings figures cover. UI state only; it outlives the screen, so going into a case and back keeps
 * the team lead's place. The chosen clinician is in the route (it changes what main is asked for).
 */
import { create } from 'zustand';
import type { IsoDate } from '../../shared/dates';
import type { FlagFilter, GroupingFilter } from './caseload-view';

export type { FlagFilter, GroupingFilter };

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

interface TeamViewState {
  search: string;
  flag: FlagFilter;
  grouping: GroupingFilter;
  highlightedCaseId: string | null;
  /** The endings period asked for with "Show period"; null = main's default (the last 12 months). */
  period: Period | null;
  actions: {
    setSearch(search: string): void;
    setFlag(flag: FlagFilter): void;
    setGrouping(grouping: GroupingFilter): void;
    highlight(caseId: string | null): void;
    setPeriod(period: Period | null): void;
    clearFilters(): void;
  };
}

export const useTeamViewStore = create<TeamViewState>()((set) => ({
  search: '',
  flag: '',
  grouping: '',
  highlightedCaseId: null,
  period: null,
  actions: {
    setSearch: (search) => set({ search }),
    setFlag: (flag) => set({ flag }),
    setGrouping: (grouping) => set({ grouping }),
    highlight: (highlightedCaseId) => set({ highlightedCaseId }),
    setPeriod: (period) => set({ period }),
    clearFilters: () => set({ search: '', flag: '', grouping: '' }),
  },
}));

export const useTeamSearch = (): string => useTeamViewStore((s) => s.search);
export const useTeamFlagFilter = (): FlagFilter => useTeamViewStore((s) => s.flag);
export const useTeamGroupingFilter = (): GroupingFilter => useTeamViewStore((s) => s.grouping);
export const useTeamHighlightedCaseId = (): string | null => useTeamViewStore((s) => s.highlightedCaseId);
export const useTeamPeriod = (): Period | null => useTeamViewStore((s) => s.period);
export const useTeamViewActions = (): TeamViewState['actions'] => useTeamViewStore((s) => s.actions);
