// "View C#": the generated code beside the canvas. The selected node's lines are highlighted; clicking a line
// selects the node whose code it is.
import { useEffect, useRef, useState } from "react";
import { api, ApiError } from "../api/client";
import type { GeneratedCode } from "../api/types";
import { exportFlow } from "../model/flow";
import { useEditor } from "../state/store";

export default function CodeView() {
  const { flow, selectedId, select, analysis } = useEditor();
  const [code, setCode] = useState<GeneratedCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hasErrors = analysis?.diagnostics.some((d) => d.severity === "error") ?? true;
  const selectedLine = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (hasErrors) return;
    let current = true;
    api.emit(exportFlow(flow)).then(
      (result) => current && (setCode(result), setError(null)),
      (e: unknown) => current && setError(e instanceof ApiError ? e.message : String(e)),
    );
    return () => { current = false; };
  }, [flow, hasErrors]);

  useEffect(() => selectedLine.current?.scrollIntoView({ block: "center" }), [selectedId, code]);

  if (hasErrors) return <p className="hint">The C# appears once the flow has no errors.</p>;
  if (error) return <p className="problem problem-error">{error}</p>;
  if (!code) return <p className="hint">Generating…</p>;

  const span = selectedId ? code.nodes[selectedId] : undefined;
  const nodeAt = (line: number) => Object.entries(code.nodes).find(([, s]) => line >= s.startLine && line <= s.endLine)?.[0] ?? null;
  return (
    <div className="code-view" role="region" aria-label="Generated C#">
      {code.source.split("\n").map((text, i) => {
        const line = i + 1;
        const inSpan = span && line >= span.startLine && line <= span.endLine;
        return (
          <div
            key={line}
            ref={span && line === span.startLine ? selectedLine : undefined}
            className={`code-line${inSpan ? " highlighted" : ""}`}
            onClick={() => { const id = nodeAt(line); if (id) select(id); }}
          >
            <span className="line-number">{line}</span>
            <code>{text}</code>
          </div>
        );
      })}
    </div>
  );
}
