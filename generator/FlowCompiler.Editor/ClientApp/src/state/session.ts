// The editing session, beside the undoable document: which stored flow is open, the ETag its next save names,
// whether it is saved, and the run (or dry run) whose node statuses are overlaid on the canvas. Never undone.
import { create } from "zustand";
import type { NodeOutcome } from "../api/types";

/** "new": not stored yet; "stale": a save was refused because someone else saved first. */
export type SaveState = "new" | "saved" | "dirty" | "saving" | "stale" | "failed";

export interface StaleSave {
  savedBy: string;
  savedAt: string;
  etag: string;
}

export interface RunOverlay {
  /** What is shown, e.g. "Dry run" or "Run of 12:04:31 (v3)". */
  label: string;
  nodes: Record<string, NodeOutcome>;
}

export interface SessionState {
  /** The id the open flow is stored under; null for a flow not created yet. */
  storedId: string | null;
  etag: string | null;
  /** The document as last saved (exported JSON), so autosave knows whether there is anything to save. */
  savedJson: string | null;
  saveState: SaveState;
  stale: StaleSave | null;
  publishedVersion: number | null;
  overlay: RunOverlay | null;
  opened(id: string, etag: string, savedJson: string, publishedVersion: number | null): void;
  saved(etag: string, savedJson: string): void;
  setSaveState(state: SaveState): void;
  refused(stale: StaleSave): void;
  reset(): void;
  setPublished(version: number | null): void;
  showOverlay(overlay: RunOverlay | null): void;
}

export const useSession = create<SessionState>()((set) => ({
  storedId: null,
  etag: null,
  savedJson: null,
  saveState: "new",
  stale: null,
  publishedVersion: null,
  overlay: null,
  opened: (storedId, etag, savedJson, publishedVersion) =>
    set({ storedId, etag, savedJson, publishedVersion, saveState: "saved", stale: null, overlay: null }),
  saved: (etag, savedJson) => set({ etag, savedJson, saveState: "saved", stale: null }),
  setSaveState: (saveState) => set({ saveState }),
  refused: (stale) => set({ stale, saveState: "stale" }),
  reset: () => set({ storedId: null, etag: null, savedJson: null, saveState: "new", stale: null, publishedVersion: null, overlay: null }),
  setPublished: (publishedVersion) => set({ publishedVersion }),
  showOverlay: (overlay) => set({ overlay }),
}));

/** The overlay of a run's nodes, by node id. */
export function overlayOf(label: string, nodes: NodeOutcome[]): RunOverlay {
  return { label, nodes: Object.fromEntries(nodes.map((n) => [n.id, n])) };
}
