// Keyboard-only connecting: pick the port that feeds the selected node from the ones the connection rules allow.
import { useState } from "react";
import { connectionProblem } from "../model/graphRules";
import { portOf } from "../model/flow";
import { useEditor } from "../state/store";

export default function ConnectDialog({ nodeId, onClose }: { nodeId: string; onClose(): void }) {
  const { flow, catalog, connect, disconnect } = useEditor();
  const portsOf = (type: string) => catalog?.nodeTypes.find((t) => t.type === type)?.ports ?? ["out"];
  const current = flow.edges.find((e) => e.to === nodeId);
  // The rules are checked as if the node had no input yet: connecting replaces its input.
  const detached = { ...flow, edges: flow.edges.filter((e) => e.to !== nodeId) };
  const options = flow.nodes.flatMap((n) => portsOf(n.type).map((port) => ({ from: n.id, port })))
    .filter((c) => connectionProblem(detached, { ...c, to: nodeId }, portsOf) === null);
  const [choice, setChoice] = useState(0);

  return (
    <dialog open className="connect-dialog" aria-label={`Connect ${nodeId}`} onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <form onSubmit={(e) => {
        e.preventDefault();
        const picked = options[choice];
        if (!picked) return onClose();
        disconnect(nodeId);
        connect(picked.from, picked.port, nodeId);
        onClose();
      }}>
        <p>Feed <strong>{nodeId}</strong> from{current ? <> (now: {current.from} → {portOf(current)})</> : null}</p>
        {options.length === 0 ? <p className="hint">No port may feed this node.</p> : (
          <select aria-label="Source port" value={choice} onChange={(e) => setChoice(Number(e.target.value))} autoFocus>
            {options.map((o, i) => <option key={`${o.from}:${o.port}`} value={i}>{o.from} → {o.port}</option>)}
          </select>
        )}
        <div className="form-actions">
          <button type="submit" disabled={options.length === 0}>Connect</button>
          <button type="button" className="secondary" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </dialog>
  );
}
