// Versions: who published each and when, restore one into the draft, and a diff between two (node by node, and of the C#).
import { useCallback, useEffect, useState } from "react";
import { api, ApiError } from "../api/client";
import type { VersionSummary } from "../api/types";
import { diffFlows, type NodeChange } from "../model/flowDiff";
import { exportFlow, parseFlow, type FlowDocument } from "../model/flow";
import { diffLines, type DiffLine } from "../model/lineDiff";
import { useEditor } from "../state/store";
import { useSession } from "../state/session";
import { takeDraft } from "../session/openFlow";

const DRAFT = 0;

interface Comparison {
  title: string;
  nodes: NodeChange[];
  code: DiffLine[] | null;
}

async function documentOf(id: string, version: number): Promise<FlowDocument> {
  if (version === DRAFT) return useEditor.getState().flow;
  const parsed = parseFlow(JSON.stringify((await api.version(id, version)).flow));
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.flow;
}

async function codeOf(flow: FlowDocument): Promise<string | null> {
  try {
    return (await api.emit(exportFlow(flow))).source;
  } catch {
    return null; // a draft with errors has no C#; the node diff still shows
  }
}

export default function VersionsPanel() {
  const { storedId, etag } = useSession();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [left, setLeft] = useState<number | null>(null);
  const [right, setRight] = useState<number>(DRAFT);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    if (!storedId) return;
    api.versions(storedId).then((v) => {
      setVersions(v);
      setLeft((current) => current ?? v[0]?.version ?? null);
    }, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [storedId]);
  useEffect(refresh, [refresh]);

  if (!storedId) return <p className="hint">Versions appear once the flow is saved and published.</p>;

  const restore = async (version: number) => {
    setError(null);
    try {
      takeDraft(await api.restore(storedId, version, etag!));
      useEditor.getState().notify(`Version ${version} is in the draft now; publish it to make it run.`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const compare = async () => {
    if (left === null) return;
    setError(null);
    try {
      const [a, b] = await Promise.all([documentOf(storedId, left), documentOf(storedId, right)]);
      const [codeA, codeB] = await Promise.all([codeOf(a), codeOf(b)]);
      const name = (v: number) => (v === DRAFT ? "the draft" : `v${v}`);
      setComparison({
        title: `${name(left)} → ${name(right)}`,
        nodes: diffFlows(a, b),
        code: codeA !== null && codeB !== null ? diffLines(codeA, codeB) : null,
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="versions">
      <h2>Versions</h2>
      {error && <p className="problem problem-error" role="alert">{error}</p>}
      {versions?.length === 0 && <p className="hint">Not published yet.</p>}
      <ul className="version-list">
        {versions?.map((v) => (
          <li key={v.version}>
            <strong>v{v.version}</strong>{v.published ? " (published)" : ""} — {v.createdBy ?? "unknown"}, {new Date(v.createdAt).toLocaleString()}
            <button className="secondary" onClick={() => restore(v.version)} aria-label={`Restore version ${v.version} into the draft`}>Restore</button>
          </li>
        ))}
      </ul>
      {versions && versions.length > 0 && (
        <div className="compare">
          <label htmlFor="compare-left">Compare</label>
          <select id="compare-left" value={left ?? ""} onChange={(e) => setLeft(Number(e.target.value))}>
            {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
          </select>
          <label htmlFor="compare-right">with</label>
          <select id="compare-right" value={right} onChange={(e) => setRight(Number(e.target.value))}>
            <option value={DRAFT}>the draft</option>
            {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
          </select>
          <button onClick={compare}>Compare</button>
        </div>
      )}
      {comparison && (
        <section aria-label="Differences">
          <h3>{comparison.title}</h3>
          {comparison.nodes.length === 0 && <p className="hint">No node changed.</p>}
          <ul className="node-changes">
            {comparison.nodes.map((c) => (
              <li key={c.id} className={`change-${c.change}`}>
                {c.change} {c.type} <strong>{c.id}</strong>{c.fields.length ? `: ${c.fields.join(", ")}` : ""}
              </li>
            ))}
          </ul>
          {comparison.code ? (
            <div className="code-view code-diff" role="region" aria-label="C# differences">
              {comparison.code.filter((l, i, all) => l.kind !== "same" || near(all, i)).map((l, i) => (
                <div key={i} className={`diff-${l.kind}`}>{l.kind === "added" ? "+ " : l.kind === "removed" ? "- " : "  "}{l.text}</div>
              ))}
            </div>
          ) : <p className="hint">The C# diff needs both sides without errors.</p>}
        </section>
      )}
    </div>
  );
}

// Unchanged lines are shown only within two lines of a change, as a unified diff does.
function near(lines: DiffLine[], index: number): boolean {
  for (let i = Math.max(0, index - 2); i <= Math.min(lines.length - 1, index + 2); i++) {
    if (lines[i].kind !== "same") return true;
  }
  return false;
}
