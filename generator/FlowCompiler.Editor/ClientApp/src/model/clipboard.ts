// Copy and paste of nodes: the copied nodes keep their parameters and the edges between them; pasted copies get
// fresh ids, sit a little below and right of the originals, and take no input (the admin connects them).
import { type FlowDocument, type FlowEdge, type FlowNode, freshId } from "./flow";

export interface Copied {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

const OFFSET = 40;

/** What copying `ids` takes: those nodes (the trigger is never copied: a flow has one) and the edges among them. */
export function copyNodes(flow: FlowDocument, ids: readonly string[]): Copied {
  const nodes = flow.nodes.filter((n) => ids.includes(n.id) && n.type !== "event");
  const kept = new Set(nodes.map((n) => n.id));
  return { nodes: structuredClone(nodes), edges: flow.edges.filter((e) => kept.has(e.from) && kept.has(e.to)).map((e) => ({ ...e })) };
}

/** The flow with the copies added, and the new ids in the copied order. */
export function pasteNodes(flow: FlowDocument, copied: Copied): { flow: FlowDocument; ids: string[] } {
  let next = flow;
  const renamed = new Map<string, string>();
  for (const node of copied.nodes) {
    const id = freshId(next, node.id.replace(/-\d+$/, ""));
    renamed.set(node.id, id);
    const position = node.position ? { x: node.position.x + OFFSET, y: node.position.y + OFFSET } : undefined;
    next = { ...next, nodes: [...next.nodes, { ...structuredClone(node), id, ...(position ? { position } : {}) }] };
  }
  const edges = copied.edges.map((e) => ({ ...e, from: renamed.get(e.from)!, to: renamed.get(e.to)! }));
  return { flow: { ...next, edges: [...next.edges, ...edges] }, ids: [...renamed.values()] };
}

/** Reads nodes from the system clipboard's text, when it holds nodes copied from this editor. */
export function readCopied(text: string): Copied | null {
  try {
    const value = JSON.parse(text) as Partial<Copied> & { flowcNodes?: unknown };
    if (value.flowcNodes !== 1 || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) return null;
    return { nodes: value.nodes, edges: value.edges };
  } catch {
    return null;
  }
}

/** The clipboard text for copied nodes: JSON a text editor shows as the nodes themselves. */
export function writeCopied(copied: Copied): string {
  return JSON.stringify({ flowcNodes: 1, ...copied }, null, 2);
}
