// The searchable list of node types from the catalog. Clicking adds the type below the selected node's first
// free port when that is allowed, else as a free node to connect by hand.
import { useState } from "react";
import { useEditor } from "../state/store";
import { hasTrigger } from "../model/graphRules";

export default function Palette({ onPick }: { onPick(type: string): void }) {
  const { catalog, flow } = useEditor();
  const [query, setQuery] = useState("");
  if (!catalog) return null;
  const shown = catalog.nodeTypes.filter((t) => t.type.toLowerCase().includes(query.toLowerCase()) && (t.type !== "event" || !hasTrigger(flow)));
  const groups = ["trigger", "enricher", "action"] as const;
  return (
    <nav className="palette" aria-label="Node palette">
      <input type="search" placeholder="Search nodes" aria-label="Search nodes" value={query} onChange={(e) => setQuery(e.target.value)} />
      {groups.map((kind) => {
        const types = shown.filter((t) => t.kind === kind);
        return types.length === 0 ? null : (
          <section key={kind}>
            <h3>{kind === "trigger" ? "Trigger" : kind === "enricher" ? "Enrichers" : "Actions"}</h3>
            {types.map((t) => (
              <button key={t.type} className={`palette-item kind-${kind}`} onClick={() => onPick(t.type)}>{t.type}</button>
            ))}
          </section>
        );
      })}
    </nav>
  );
}
