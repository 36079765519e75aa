// What the editor's HTTP API answers (generator/FlowCompiler.Editor/Api).

export interface ScopeField {
  path: string;
  type: string;
}

export interface CatalogParameter {
  name: string;
  kinds: string[];
  role: string;
  required: boolean;
  template: boolean;
  description: string;
  choices: string[];
}

/** One member of a node's retry settings: its range, and the node type's default (null: the host's setting). */
export interface CatalogRetryMember {
  name: "attempts" | "initialDelayMs" | "multiplier" | "maxDelayMs" | "jitter";
  description: string;
  integer: boolean;
  min: number;
  max: number;
  default: number | null;
}

export interface CatalogNodeType {
  type: string;
  kind: "trigger" | "enricher" | "action";
  parameters: CatalogParameter[];
  ports: string[];
  /** The retry members a node of this type may set; null when it does no I/O and takes no retry. */
  retry: CatalogRetryMember[] | null;
}

export interface Catalog {
  events: { name: string; description: string; fields: ScopeField[] }[];
  nodeTypes: CatalogNodeType[];
  tables: { name: string; columns: ScopeField[] }[];
  serverActions: { name: string; component: string; values: { name: string; description: string; integer: boolean; min: number | null; max: number | null }[] }[];
}

export interface Diagnostic {
  code: string;
  severity: "error" | "warning";
  nodeId: string | null;
  path: string;
  message: string;
}

export interface Analysis {
  diagnostics: Diagnostic[];
  scopes: Record<string, ScopeField[]>;
}

export interface GeneratedCode {
  source: string;
  nodes: Record<string, { startLine: number; endLine: number }>;
}

export interface Problem {
  title: string;
  detail?: string;
  status: number;
  diagnostics?: Diagnostic[];
  /** On 412: the draft's current ETag, and who saved it when. */
  etag?: string;
  savedBy?: string;
  savedAt?: string;
}

export interface RunSummary {
  id: string;
  flowId: string;
  version: number;
  event: string;
  status: "succeeded" | "failed";
  startedAt: string;
  durationMs: number;
  error: string | null;
  hasEvent: boolean;
  nodes: NodeOutcome[];
  /** "interpreted" when the reference interpreter ran it while the flow compiled. */
  tier: "compiled" | "interpreted";
}

export interface NodeOutcome {
  id: string;
  status: "succeeded" | "failed" | "skipped";
  port: string | null;
  durationMs: number;
  error: string | null;
}

export interface FlowSummary {
  id: string;
  name: string | null;
  trigger: string | null;
  publishedVersion: number | null;
  latestVersion: number | null;
  draftRevision: number | null;
  hasUnpublishedChanges: boolean;
  lastRun: RunSummary | null;
  /** What runs the published version here: the interpreter serves it while it compiles. */
  tier: "compiled" | "interpreted" | null;
}

export interface DraftResponse {
  flowId: string;
  eTag: string;
  revision: number | null;
  version: number | null;
  savedBy: string;
  savedAt: string;
  publishedRevision: number | null;
  hasUnpublishedChanges: boolean;
  flow: unknown;
}

export interface VersionSummary {
  version: number;
  name: string;
  trigger: string;
  published: boolean;
  createdAt: string;
  createdBy: string | null;
  contentHash: string;
  flow?: unknown;
}

export interface PublishResponse {
  flowId: string;
  version: number;
  unchanged: boolean;
  cacheHit: boolean;
  elapsedMs: number;
  tier: "compiled" | "interpreted";
}

/** One effect as spec §7 writes it: node, type and the action's rendered parameters. */
export type Effect = { node: string; type: string } & Record<string, unknown>;

export interface DryRunResult {
  flow: string;
  status: "succeeded" | "failed";
  durationMs: number;
  nodes: NodeOutcome[];
  effects: Effect[];
}
