// Autosave: a moment after the admin stops changing a stored flow, the draft is saved with the ETag it was opened
// (or last saved) with. A save refused as stale stops autosave until the admin chooses in the stale dialog.
import { useEffect } from "react";
import { api, ApiError } from "../api/client";
import { exportFlow } from "../model/flow";
import { useEditor } from "../state/store";
import { useSession } from "../state/session";

const AUTOSAVE_DELAY_MS = 800;

/** Saves the current document now, naming `etag` (default: the session's). */
export async function saveNow(etag?: string): Promise<void> {
  const session = useSession.getState();
  const id = session.storedId;
  const tag = etag ?? session.etag;
  if (!id || !tag) return;
  const json = exportFlow(useEditor.getState().flow);
  session.setSaveState("saving");
  try {
    const draft = await api.save(id, json, tag);
    useSession.getState().saved(draft.etag, json);
  } catch (e) {
    if (e instanceof ApiError && e.status === 412 && e.problem.etag) {
      useSession.getState().refused({ savedBy: e.problem.savedBy ?? "someone", savedAt: e.problem.savedAt ?? "", etag: e.problem.etag });
    } else {
      useSession.getState().setSaveState("failed");
      useEditor.getState().notify(`The draft could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

export function useAutosave(): void {
  const flow = useEditor((s) => s.flow);
  const storedId = useSession((s) => s.storedId);
  const savedJson = useSession((s) => s.savedJson);
  const saveState = useSession((s) => s.saveState);

  useEffect(() => {
    if (!storedId || saveState === "stale" || saveState === "saving") return;
    if (exportFlow(flow) === savedJson) return;
    useSession.getState().setSaveState("dirty");
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [flow, storedId, savedJson, saveState]);
}
