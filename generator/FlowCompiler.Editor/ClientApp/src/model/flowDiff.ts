// Two versions of a flow compared node by node: what was added, removed, or changed (and in which parameters).
import type { FlowDocument, FlowEdge } from "./flow";
import { portOf } from "./flow";

export interface NodeChange {
  id: string;
  change: "added" | "removed" | "changed";
  type: string;
  /** For a changed node: the parameters (or "type", "input") that differ. */
  fields: string[];
}

const stable = (value: unknown) => JSON.stringify(value ?? null);
const inputOf = (edges: FlowEdge[], id: string) => {
  const edge = edges.find((e) => e.to === id);
  return edge ? `${edge.from}:${portOf(edge)}` : "";
};

/** The node changes from `before` to `after`, in `after`'s order, removed nodes last. Positions are not changes. */
export function diffFlows(before: FlowDocument, after: FlowDocument): NodeChange[] {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const changes: NodeChange[] = [];
  for (const node of after.nodes) {
    const previous = old.get(node.id);
    if (!previous) {
      changes.push({ id: node.id, change: "added", type: node.type, fields: [] });
      continue;
    }
    const names = new Set([...Object.keys(previous.parameters), ...Object.keys(node.parameters)]);
    const fields = [...names].filter((name) => stable(previous.parameters[name]) !== stable(node.parameters[name])).sort();
    if (previous.type !== node.type) fields.unshift("type");
    if (inputOf(before.edges, node.id) !== inputOf(after.edges, node.id)) fields.push("input");
    if (fields.length) changes.push({ id: node.id, change: "changed", type: node.type, fields });
  }
  const kept = new Set(after.nodes.map((n) => n.id));
  for (const node of before.nodes.filter((n) => !kept.has(n.id))) {
    changes.push({ id: node.id, change: "removed", type: node.type, fields: [] });
  }
  return changes;
}
