// Opening, creating and reloading stored flows: the document goes into the (undoable) editor store, and the
// session remembers the ETag the next save names. The address bar follows (?flow=ID), so a link opens the draft.
import { api, type Draft } from "../api/client";
import { exportFlow, parseFlow } from "../model/flow";
import { useEditor } from "../state/store";
import { useSession } from "../state/session";

function load(draft: Draft, publishedVersion: number | null): void {
  const parsed = parseFlow(JSON.stringify(draft.body.flow));
  if ("error" in parsed) throw new Error(parsed.error);
  useEditor.getState().replaceFlow(parsed.flow);
  useEditor.temporal.getState().clear();
  // What is on the canvas now (auto-laid-out when the stored flow had no positions) counts as saved.
  useSession.getState().opened(draft.body.flowId, draft.etag, exportFlow(useEditor.getState().flow), publishedVersion);
  const url = new URL(location.href);
  url.searchParams.set("flow", draft.body.flowId);
  history.replaceState(null, "", url);
}

/** Opens a stored flow's draft. */
export async function openFlow(id: string): Promise<void> {
  const [draft, flows] = await Promise.all([api.draft(id), api.flows()]);
  load(draft, flows.find((f) => f.id === id)?.publishedVersion ?? null);
}

/** Stores the flow on the canvas as a new flow (its first revision). */
export async function createFlow(): Promise<void> {
  const draft = await api.create(exportFlow(useEditor.getState().flow));
  load(draft, null);
}

/** Puts a draft the server returned (after a restore) on the canvas, as one undoable change. */
export function takeDraft(draft: Draft): void {
  const parsed = parseFlow(JSON.stringify(draft.body.flow));
  if ("error" in parsed) throw new Error(parsed.error);
  useEditor.getState().replaceFlow(parsed.flow);
  useSession.getState().saved(draft.etag, exportFlow(useEditor.getState().flow));
}

/** Leaves the stored flow: a new, unsaved flow on the canvas. */
export function leaveFlow(): void {
  useSession.getState().reset();
  const url = new URL(location.href);
  url.searchParams.delete("flow");
  history.replaceState(null, "", url);
}
