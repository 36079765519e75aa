// The flows of the panel: name, trigger, published version, draft and last run; picking one opens its draft.
import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { FlowSummary } from "../api/types";

export default function FlowsDialog({ onOpen, onNew, onClose }: { onOpen(id: string): void; onNew(): void; onClose(): void }) {
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.flows().then(setFlows, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <dialog open className="flows-dialog" aria-label="Flows" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <h2>Flows</h2>
      {error && <p className="problem problem-error" role="alert">{error}</p>}
      {flows === null && !error && <p className="hint">Loading…</p>}
      {flows?.length === 0 && <p className="hint">No flows yet: start a new one.</p>}
      {flows && flows.length > 0 && (
        <table className="flows-table">
          <thead>
            <tr><th>Flow</th><th>Trigger</th><th>Published</th><th>Draft</th><th>Last run</th></tr>
          </thead>
          <tbody>
            {flows.map((f) => (
              <tr key={f.id}>
                <td><button className="link" onClick={() => onOpen(f.id)}>{f.name ?? f.id}</button> <span className="hint">{f.id}</span></td>
                <td>{f.trigger ?? "—"}</td>
                <td>{f.publishedVersion ? `v${f.publishedVersion}${f.tier === "interpreted" ? " (compiling)" : ""}` : "no"}</td>
                <td>{f.draftRevision ? `r${f.draftRevision}${f.hasUnpublishedChanges ? " (unpublished changes)" : ""}` : "—"}</td>
                <td className={f.lastRun ? `run-${f.lastRun.status}` : ""}>{f.lastRun ? `${f.lastRun.status}, ${new Date(f.lastRun.startedAt).toLocaleString()}` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        <button onClick={onNew}>New flow</button>
        <button className="secondary" onClick={onClose}>Close</button>
      </div>
    </dialog>
  );
}
