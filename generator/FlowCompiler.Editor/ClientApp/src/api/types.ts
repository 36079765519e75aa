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

export interface CatalogNodeType {
  type: string;
  kind: "trigger" | "enricher" | "action";
  parameters: CatalogParameter[];
  ports: string[];
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
}
