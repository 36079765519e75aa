// Left-to-right auto-layout: the trigger on the left, each port's children to its right.
import dagre from "@dagrejs/dagre";
import type { FlowDocument } from "./flow";

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 84;

export function layout(flow: FlowDocument): FlowDocument {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 28, ranksep: 72 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of flow.nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of flow.edges) graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);
  return {
    ...flow,
    nodes: flow.nodes.map((node) => {
      const placed = graph.node(node.id);
      return { ...node, position: { x: Math.round(placed.x - NODE_WIDTH / 2), y: Math.round(placed.y - NODE_HEIGHT / 2) } };
    }),
  };
}
