// The flow's recent runs; opening one overlays every node's status and port on the canvas.
import { useCallback, useEffect, useState } from "react";
import { api } from "../api/client";
import type { RunSummary } from "../api/types";
import { overlayOf, useSession } from "../state/session";

export default function RunsPanel() {
  const { storedId, showOverlay } = useSession();
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    if (storedId) api.runs(storedId).then(setRuns, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [storedId]);
  useEffect(refresh, [refresh]);

  if (!storedId) return <p className="hint">Runs appear once the flow is saved and published.</p>;
  return (
    <div className="runs">
      <h2>Runs <button onClick={refresh}>Refresh</button></h2>
      {error && <p className="problem problem-error" role="alert">{error}</p>}
      {runs?.length === 0 && <p className="hint">No recorded runs yet.</p>}
      <ul className="run-list">
        {runs?.map((r) => (
          <li key={r.id}>
            <button className={`link run-${r.status}`} onClick={async () => {
              const run = await api.run(r.id);
              showOverlay(overlayOf(`Run of ${new Date(run.startedAt).toLocaleString()} (v${run.version})`, run.nodes));
            }}>
              {new Date(r.startedAt).toLocaleString()} — v{r.version} {r.status} ({r.durationMs.toFixed(1)} ms{r.tier === "interpreted" ? ", interpreted" : ""})
            </button>
            {r.error && <div className="problem problem-error">{r.error}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
