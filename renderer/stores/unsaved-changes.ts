import { create } from 'zustand';

/** Whether the form on screen holds typing that has not been saved (the navigation guard reads it). */
interface UnsavedChangesState {
  dirty: boolean;
  actions: {
    markDirty(): void;
    markClean(): void;
  };
}

export const useUnsavedChangesStore = create<UnsavedChangesState>()((set, get) => ({
  dirty: false,
  actions: {
    markDirty() {
      if (!get().dirty) set({ dirty: true });
    },
    markClean() {
      if (get().dirty) set({ dirty: false });
    },
  },
}));

export const useHasUnsavedChanges = (): boolean => useUnsavedChangesStore((s) => s.dirty);
export const useUnsavedChangesActions = (): UnsavedChangesState['actions'] => useUnsavedChangesStore((s) => s.actions);
