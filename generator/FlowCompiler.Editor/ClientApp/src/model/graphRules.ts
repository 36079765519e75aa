// The connection rules of spec §2, checked while the admin drags (the server's analyze checks them again).
import { type FlowDocument, portOf } from "./flow";

export interface Connection {
  from: string;
  port: string;
  to: string;
}

/** The ports a node type offers, as the catalog lists them. */
export type PortsOf = (nodeType: string) => readonly string[];

/** Why the connection is not allowed, or null when it is. */
export function connectionProblem(flow: FlowDocument, connection: Connection, portsOf: PortsOf): string | null {
  const source = flow.nodes.find((n) => n.id === connection.from);
  const target = flow.nodes.find((n) => n.id === connection.to);
  if (!source || !target) return "Both ends must be nodes of this flow.";
  if (source.id === target.id) return "A node cannot feed itself.";
  if (target.type === "event") return "The trigger starts the flow and takes no input.";
  if (!portsOf(source.type).includes(connection.port)) {
    return `A ${source.type} node has no port "${connection.port}".`;
  }
  if (flow.edges.some((e) => e.to === target.id)) {
    return `"${target.id}" already has an input; every node has exactly one.`;
  }
  if (isAncestor(flow, target.id, source.id)) {
    return `Connecting "${source.id}" to "${target.id}" would make a cycle; a flow is a tree.`;
  }
  return null;
}

/** Whether `ancestor` is on the path from the trigger down to `node` (following inputs upwards). */
export function isAncestor(flow: FlowDocument, ancestor: string, node: string): boolean {
  const parentOf = new Map(flow.edges.map((e) => [e.to, e.from]));
  const seen = new Set<string>();
  for (let current: string | undefined = node; current !== undefined && !seen.has(current); current = parentOf.get(current)) {
    if (current === ancestor) return true;
    seen.add(current);
  }
  return false;
}

/** The node types that may follow a port: anything but a trigger. */
export function typesThatMayFollow(allTypes: readonly string[]): string[] {
  return allTypes.filter((t) => t !== "event");
}

/** Whether the flow already has its one trigger. */
export function hasTrigger(flow: FlowDocument): boolean {
  return flow.nodes.some((n) => n.type === "event");
}

/** The edges leaving one port of a node, in edge order. */
export function edgesFrom(flow: FlowDocument, nodeId: string, port: string) {
  return flow.edges.filter((e) => e.from === nodeId && portOf(e) === port);
}
