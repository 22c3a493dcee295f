import { create } from 'zustand';

/** Whether the form on screen holds typing that has not been saved (the navigation guard reads it). */
interface UnsavedChangesState {
  dirty: boolean;
  /** The form on screen autosaves a draft, so leaving keeps what was typed (as a draft, not a record). */
  keptAsDraft: boolean;
  actions: {
    markDirty(): void;
    markClean(): void;
    setKeptAsDraft(kept: boolean): void;
  };
}

export const useUnsavedChangesStore = create<UnsavedChangesState>()((set, get) => ({
  dirty: false,
  keptAsDraft: false,
  actions: {
    markDirty() {
      if (!get().dirty) set({ dirty: true });
    },
    markClean() {
      if (get().dirty) set({ dirty: false });
    },
    setKeptAsDraft(kept) {
      if (get().keptAsDraft !== kept) set({ keptAsDraft: kept });
    },
  },
}));

export const useKeptAsDraft = (): boolean => useUnsavedChangesStore((s) => s.keptAsDraft);
export const useHasUnsavedChanges = (): boolean => useUnsavedChangesStore((s) => s.dirty);
export const useUnsavedChangesActions = (): UnsavedChangesState['actions'] => useUnsavedChangesStore((s) => s.actions);
