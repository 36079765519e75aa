// Dry run (spec §6) of the saved draft: on a sample event (filled from the catalog, editable) or on the event a
// failed run kept. Each node's status and port go on the canvas; the effects are listed as they would have been sent.
import { useEffect, useState } from "react";
import { api, ApiError } from "../api/client";
import type { DryRunResult, RunSummary } from "../api/types";
import { sampleEvent } from "../model/sampleEvent";
import { useEditor } from "../state/store";
import { overlayOf, useSession } from "../state/session";

export default function DryRunPanel() {
  const catalog = useEditor((s) => s.catalog);
  const trigger = useEditor((s) => s.flow.nodes.find((n) => n.type === "event")?.parameters.event);
  const { storedId, saveState, showOverlay } = useSession();
  const event = typeof trigger === "string" ? trigger : "";
  const [body, setBody] = useState("");
  const [source, setSource] = useState<string>("sample");
  const [pastRuns, setPastRuns] = useState<RunSummary[]>([]);
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (catalog && event) setBody(sampleEvent(catalog, event));
  }, [catalog, event]);
  useEffect(() => {
    if (storedId) api.runs(storedId, 50).then((runs) => setPastRuns(runs.filter((r) => r.hasEvent)), () => setPastRuns([]));
  }, [storedId]);

  if (!storedId) return <p className="hint">Save the flow first: a dry run runs its saved draft.</p>;

  const run = async () => {
    setError(null);
    try {
      const request = source === "sample" ? body : JSON.stringify({ fromRun: source });
      const outcome = await api.dryRun(storedId, request);
      setResult(outcome);
      showOverlay(overlayOf("Dry run", outcome.nodes));
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <div className="dry-run">
      <h2>Dry run</h2>
      <p className="hint">Runs the saved draft once: reads are real, nothing is sent.</p>
      <div className="field">
        <label htmlFor="dry-run-source">Event</label>
        <select id="dry-run-source" value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="sample">Sample {event} event (edit below)</option>
          {pastRuns.map((r) => (
            <option key={r.id} value={r.id}>Failed run of {new Date(r.startedAt).toLocaleString()} (v{r.version})</option>
          ))}
        </select>
      </div>
      {source === "sample" && (
        <div className="field">
          <label htmlFor="dry-run-event">Event JSON</label>
          <textarea id="dry-run-event" className="event-json" rows={12} value={body} onChange={(e) => setBody(e.target.value)} spellCheck={false} />
        </div>
      )}
      <button onClick={run} disabled={saveState !== "saved"} title={saveState === "saved" ? undefined : "Waiting for the draft to be saved"}>
        Run dry
      </button>
      {error && <p className="problem problem-error" role="alert">{error}</p>}
      {result && (
        <section className="dry-run-result" aria-label="Dry run result">
          <p className={`run-${result.status}`}>Dry run {result.status} in {result.durationMs.toFixed(1)} ms.</p>
          <ul className="node-outcomes">
            {result.nodes.map((n) => (
              <li key={n.id} className={`run-${n.status}`}>
                {n.id}: {n.status}{n.port ? ` → ${n.port}` : ""}{n.error ? ` — ${n.error}` : ""}
              </li>
            ))}
          </ul>
          <h3>Effects (would have been sent)</h3>
          {result.effects.length === 0 && <p className="hint">None.</p>}
          {result.effects.map((effect, i) => (
            <div key={i} className="effect">
              <div className="effect-title">{effect.type} <span className="hint">[{effect.node}]</span></div>
              <dl>
                {Object.entries(effect).filter(([k]) => k !== "node" && k !== "type").map(([k, v]) => (
                  <div key={k} className="effect-parameter"><dt>{k}</dt><dd>{typeof v === "string" ? v : JSON.stringify(v)}</dd></div>
                ))}
              </dl>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
