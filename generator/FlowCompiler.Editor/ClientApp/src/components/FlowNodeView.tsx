// One node on the canvas: its type and id, a one-line summary, a diagnostics badge; one input on the left,
// one handle per output port on the right, each with a "+" that offers what may follow.
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import { memo } from "react";
import type { NodeOutcome } from "../api/types";
import type { FlowNode } from "../model/flow";
import { summarize } from "../model/summary";

export interface FlowNodeData extends Record<string, unknown> {
  node: FlowNode;
  kind: string;
  ports: string[];
  errors: number;
  warnings: number;
  firstProblem?: string;
  /** What the node did in the run (or dry run) overlaid on the canvas. */
  outcome?: NodeOutcome;
  onAddBelow(nodeId: string, port: string): void;
}

export type CanvasNode = Node<FlowNodeData, "flow">;

function FlowNodeView({ data, selected }: NodeProps<CanvasNode>) {
  const { node, kind, ports, errors, warnings, firstProblem, outcome } = data;
  return (
    <div className={`flow-node kind-${kind}${selected ? " selected" : ""}${errors ? " has-errors" : ""}${outcome ? ` run-${outcome.status}` : ""}`}
      data-node-id={node.id} data-run-status={outcome?.status}>
      {kind !== "trigger" && <Handle type="target" position={Position.Left} />}
      <div className="flow-node-header">
        <span className="flow-node-type">{node.type}</span>
        <span className="flow-node-id">{node.id}</span>
        {(errors > 0 || warnings > 0) && (
          <span className={`badge ${errors ? "badge-error" : "badge-warning"}`} title={firstProblem} role="img" aria-label={`${errors} errors, ${warnings} warnings`}>
            {errors || warnings}
          </span>
        )}
      </div>
      <div className="flow-node-summary" title={summarize(node)}>{summarize(node) || "\u00a0"}</div>
      {outcome && (
        <div className="flow-node-outcome" title={outcome.error ?? undefined}>
          {outcome.status}{outcome.port ? ` → ${outcome.port}` : ""} · {outcome.durationMs.toFixed(1)} ms
        </div>
      )}
      {ports.map((port, i) => (
        <div key={port} className="flow-node-port" style={{ top: `${((i + 1) * 100) / (ports.length + 1)}%` }}>
          {port !== "out" && <span className="port-label">{port}</span>}
          <Handle id={port} type="source" position={Position.Right} />
          <button
            className="port-add nodrag"
            title={`Add a node on ${port}`}
            aria-label={`Add a node on the ${port} port of ${node.id}`}
            onClick={(e) => {
              e.stopPropagation();
              data.onAddBelow(node.id, port);
            }}
          >
            +
          </button>
        </div>
      ))}
    </div>
  );
}

export default memo(FlowNodeView);
