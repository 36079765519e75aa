// The flow as a graph: pan, zoom, minimap; connections are checked against spec §2 while dragging.
import {
  Background, Controls, MiniMap, ReactFlow, type Connection, type Edge, type NodeChange, type IsValidConnection,
} from "@xyflow/react";
import { useCallback, useMemo, useRef, useState } from "react";
import { useEditor } from "../state/store";
import { useSession } from "../state/session";
import { portOf } from "../model/flow";
import { connectionProblem } from "../model/graphRules";
import FlowNodeView, { type CanvasNode } from "./FlowNodeView";

const nodeTypes = { flow: FlowNodeView };

// The minimap draws SVG, where CSS variables do not reach its fill attribute: one colour per kind, legible in both themes.
const minimapColors: Record<string, string> = { trigger: "#8a63d2", enricher: "#1f9a88", action: "#c9682f" };

export default function Canvas({ onAddBelow, theme }: { onAddBelow(nodeId: string, port: string): void; theme: "light" | "dark" }) {
  const { flow, catalog, analysis, selectedId, select, connect, moveNode, notify, removeNode, disconnect } = useEditor();
  const overlay = useSession((s) => s.overlay);
  // The canvas's nodes are rebuilt from the document on every change, so the sizes React Flow measures are kept
  // here and handed back: the minimap and fit-view draw and frame nodes by them.
  const [sizes, setSizes] = useState<Record<string, { width: number; height: number }>>({});
  const portsOf = useCallback((type: string) => catalog?.nodeTypes.find((t) => t.type === type)?.ports ?? ["out"], [catalog]);

  const nodes = useMemo<CanvasNode[]>(() => flow.nodes.map((node) => {
    const problems = analysis?.diagnostics.filter((d) => d.nodeId === node.id) ?? [];
    const spec = catalog?.nodeTypes.find((t) => t.type === node.type);
    return {
      id: node.id,
      type: "flow",
      position: node.position ?? { x: 0, y: 0 },
      measured: sizes[node.id],
      selected: node.id === selectedId,
      data: {
        node,
        kind: spec?.kind ?? "unknown",
        ports: spec?.ports ?? [],
        errors: problems.filter((p) => p.severity === "error").length,
        warnings: problems.filter((p) => p.severity === "warning").length,
        firstProblem: problems[0]?.message,
        outcome: overlay?.nodes[node.id],
        onAddBelow,
      },
    };
  }), [flow.nodes, analysis, catalog, selectedId, onAddBelow, overlay, sizes]);

  const edges = useMemo<Edge[]>(() => flow.edges.map((e) => ({
    id: `${e.from}:${portOf(e)}->${e.to}`,
    source: e.from,
    sourceHandle: portOf(e),
    target: e.to,
    className: `edge-${portOf(e)}`,
  })), [flow.edges]);

  const isValidConnection = useCallback<IsValidConnection>((c) =>
    connectionProblem(flow, { from: c.source, port: c.sourceHandle ?? "out", to: c.target }, portsOf) === null, [flow, portsOf]);

  const onConnect = useCallback((c: Connection) => {
    const problem = connectionProblem(flow, { from: c.source, port: c.sourceHandle ?? "out", to: c.target }, portsOf);
    if (problem) notify(problem);
    else connect(c.source, c.sourceHandle ?? "out", c.target);
  }, [flow, portsOf, connect, notify]);

  // A drag is one undo step: the position before it is recorded once, then history pauses until the drop.
  const dragging = useRef(false);
  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const history = useEditor.temporal.getState();
    for (const change of changes) {
      if (change.type === "dimensions" && change.dimensions) {
        const { width, height } = change.dimensions;
        setSizes((known) => (known[change.id]?.width === width && known[change.id]?.height === height ? known : { ...known, [change.id]: { width, height } }));
      } else if (change.type === "position" && change.position) {
        if (change.dragging && !dragging.current) {
          dragging.current = true;
          const before = useEditor.getState().flow.nodes.find((n) => n.id === change.id)?.position;
          if (before) moveNode(change.id, before);
          history.pause();
        }
        moveNode(change.id, change.position);
        if (!change.dragging && dragging.current) {
          dragging.current = false;
          history.resume();
        }
      } else if (change.type === "select" && change.selected) {
        select(change.id);
      } else if (change.type === "remove") {
        removeNode(change.id);
      }
    }
  }, [moveNode, select, removeNode]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={(changes) => changes.forEach((c) => c.type === "remove" && disconnect(c.id.split("->")[1]))}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onPaneClick={() => select(null)}
      fitView
      colorMode={theme}
      deleteKeyCode={["Delete", "Backspace"]}
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <MiniMap pannable zoomable ariaLabel="Minimap of the flow" nodeColor={(n) => minimapColors[(n as CanvasNode).data.kind] ?? "#888"} />
      <Controls />
    </ReactFlow>
  );
}
