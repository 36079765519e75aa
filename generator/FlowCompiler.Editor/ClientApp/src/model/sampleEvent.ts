// A sample event for a dry run, filled from the catalog's typed fields: one plausible value per type, so the
// admin edits a few values instead of typing an event from scratch.
import type { Catalog, ScopeField } from "../api/types";

const samples: Record<string, unknown> = {
  int: 1,
  decimal: 9.99,
  string: "example",
  bool: true,
  datetime: "2026-01-15T09:30:00Z",
};

// Fields whose names say what they hold get a value of that shape (the real run checks addresses and hosts).
function sampleFor(name: string, type: string): unknown {
  const base = type.replace(/\?$/, "");
  if (base.startsWith("array")) return [];
  if (base === "string") {
    if (/mail/i.test(name)) return "ada@example.org";
    if (/hostname/i.test(name)) return "vm-101.example.org";
    if (/ip/i.test(name)) return "192.0.2.10";
    if (/name/i.test(name)) return "Ada Lovelace";
  }
  return samples[base] ?? null;
}

/** `{ event, data }` for the event, with nested objects for dotted paths; arrays of objects get one element. */
export function sampleEvent(catalog: Catalog, event: string): string {
  const fields = catalog.events.find((e) => e.name === event)?.fields ?? [];
  const data: Record<string, unknown> = {};
  for (const field of fields.filter((f) => isLeaf(f, fields))) {
    put(data, field.path.split("."), field.type, fields);
  }
  return JSON.stringify({ event, data }, null, 2);
}

// Objects and arrays of objects are the fields that others sit under.
function isLeaf(field: ScopeField, fields: ScopeField[]): boolean {
  return !fields.some((f) => f.path.startsWith(`${field.path}.`));
}

function put(target: Record<string, unknown>, path: string[], type: string, fields: ScopeField[], prefix = ""): void {
  const [head, ...rest] = path;
  const fullPath = prefix ? `${prefix}.${head}` : head;
  if (rest.length === 0) {
    target[head] = sampleFor(head, type);
    return;
  }
  const container = fields.find((f) => f.path === fullPath);
  if (container?.type.startsWith("array")) {
    const items = (target[head] ??= [{}]) as Record<string, unknown>[];
    put(items[0], rest, type, fields, fullPath);
  } else {
    const child = (target[head] ??= {}) as Record<string, unknown>;
    put(child, rest, type, fields, fullPath);
  }
}
