// One line per node, as the generated code's comments describe it: what the admin reads on the canvas.
import type { FlowNode } from "./flow";

const text = (value: unknown) => (value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));

export function summarize(node: FlowNode): string {
  const p = node.parameters;
  switch (node.type) {
    case "event": return text(p.event);
    case "filter": return `${text(p.field)} ${text(p.operation)} ${text(p.value)}`.trim();
    case "addField": return `${text(p.as)} = "${text(p.value)}"`;
    case "dbJoin": return `${text(p.as)} = ${text(p.from)} where ${text(p.joinField)} = ${text(p.inputField)}`;
    case "rest": return `${text(p.as)} = ${text(p.method)} ${text(p.url)}`;
    case "loadTags": return `${text(p.as)} = tags of ${text(p.for)} ${text(p.inputField)}`;
    case "ipam": return `${text(p.as)} = next free ${text(p.family)}`;
    case "sendMail": return `to ${text(p.to)}: ${text(p.subject)}`;
    case "webhook": return `${text(p.method)} ${text(p.url)}`;
    case "createTicket": return `${text(p.title)} (${text(p.priority)})`;
    case "modifyServer": return `${text(p.component)}.${text(p.action)} on ${text(p.serverId)}`;
    default: return "";
  }
}
