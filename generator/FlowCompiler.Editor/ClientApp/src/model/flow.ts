// The flow document (flowc/1) as the page edits it: the same shape as the JSON admins export and import.

export type ParameterValue = string | number | boolean | Record<string, unknown> | unknown[];

/** A node's own retry settings (spec §5, "Retries"); a member left out takes the node type's default. */
export interface RetrySettings {
  attempts?: number;
  initialDelayMs?: number;
  multiplier?: number;
  maxDelayMs?: number;
  jitter?: number;
}

export type RetryMember = keyof RetrySettings;

export interface FlowNode {
  id: string;
  type: string;
  parameters: Record<string, ParameterValue>;
  /** Only on nodes that do I/O; how the durable queue retries their transient failures. */
  retry?: RetrySettings;
  /** Where the node sits on the canvas (spec §1: editor layout, kept on export, never read by the compiler). */
  position?: { x: number; y: number };
}

export interface FlowEdge {
  from: string;
  to: string;
  /** A filter's "true" or "false"; omitted for "out". */
  port?: string;
}

export interface FlowDocument {
  format: "flowc/1";
  id: string;
  name: string;
  description?: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export const OUT_PORT = "out";

export function portOf(edge: FlowEdge): string {
  return edge.port ?? OUT_PORT;
}

/** A new flow: one trigger on the first event the catalog offers. */
export function emptyFlow(event: string): FlowDocument {
  return {
    format: "flowc/1",
    id: "new-flow",
    name: "New flow",
    nodes: [{ id: "trigger", type: "event", parameters: { event }, position: { x: 0, y: 0 } }],
    edges: [],
  };
}

/** Reads a pasted or uploaded flow; the server's analyze reports anything beyond the shape. */
export function parseFlow(text: string): { flow: FlowDocument } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }

  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { error: "A flow is a JSON object with format, id, name, nodes and edges." };
  }

  const doc = value as Partial<FlowDocument>;
  if (!Array.isArray(doc.nodes) || !Array.isArray(doc.edges)) {
    return { error: "A flow needs a nodes array and an edges array." };
  }

  return {
    flow: {
      format: "flowc/1",
      id: String(doc.id ?? "imported-flow"),
      name: String(doc.name ?? "Imported flow"),
      ...(doc.description === undefined ? {} : { description: String(doc.description) }),
      nodes: doc.nodes.map((n) => ({ ...n, parameters: n.parameters ?? {} })),
      edges: doc.edges.map((e) => ({ ...e })),
    },
  };
}

/** The document as it is exported: the JSON the CLI and the API take, positions rounded to whole pixels. */
export function exportFlow(flow: FlowDocument): string {
  const document = {
    ...flow,
    nodes: flow.nodes.map((node) =>
      node.position ? { ...node, position: { x: Math.round(node.position.x), y: Math.round(node.position.y) } } : node),
    edges: flow.edges.map((e) => (e.port && e.port !== OUT_PORT ? { from: e.from, port: e.port, to: e.to } : { from: e.from, to: e.to })),
  };
  return JSON.stringify(document, null, 2) + "\n";
}

/** A node id not yet used in the flow, from the node type: "filter", "filter-2", … */
export function freshId(flow: FlowDocument, base: string): string {
  const taken = new Set(flow.nodes.map((n) => n.id));
  const stem = base.replace(/[^A-Za-z0-9_-]/g, "-").toLowerCase() || "node";
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) {
    if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
  }
}
