// The editor's HTTP API, addressed relative to the page, so the panel may mount the editor under any prefix.
// Writes carry the antiforgery token (fetched once) and name the draft they start from in If-Match.
import type {
  Analysis, Catalog, DraftResponse, DryRunResult, FlowSummary, GeneratedCode, Problem, PublishResponse, RunSummary, VersionSummary,
} from "./types";

export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
  }

  get status(): number {
    return this.problem.status;
  }
}

/** A draft as the API returns it, with the ETag the next save or publish names. */
export interface Draft {
  body: DraftResponse;
  etag: string;
}

let antiforgery: Promise<Record<string, string>> | null = null;

// The token is asked for on the first write; a panel that turned antiforgery off answers 404, and writes go without it.
function antiforgeryHeader(): Promise<Record<string, string>> {
  antiforgery ??= fetch(new URL("api/antiforgery", document.baseURI)).then(
    async (r) => {
      if (!r.ok) return {};
      const { headerName, token } = (await r.json()) as { headerName: string; token: string };
      return { [headerName]: token };
    },
    () => ({}),
  );
  return antiforgery;
}

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? "GET";
  const headers = new Headers(init.headers);
  if (method !== "GET") {
    for (const [name, value] of Object.entries(await antiforgeryHeader())) headers.set(name, value);
  }
  const response = await fetch(new URL(path, document.baseURI), { ...init, headers });
  if (!response.ok) {
    const problem = response.headers.get("content-type")?.includes("json")
      ? ((await response.json()) as Problem)
      : { title: response.statusText, status: response.status };
    throw new ApiError({ ...problem, status: response.status });
  }
  return response;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  return (await (await send(path, init)).json()) as T;
}

async function draftOf(path: string, init?: RequestInit): Promise<Draft> {
  const response = await send(path, init);
  const body = (await response.json()) as DraftResponse;
  return { body, etag: response.headers.get("etag") ?? body.eTag };
}

const json = (body: string, method = "POST", headers: Record<string, string> = {}): RequestInit =>
  ({ method, headers: { "content-type": "application/json", ...headers }, body });

const flow = (id: string) => `api/flows/${encodeURIComponent(id)}`;

export const api = {
  catalog: () => call<Catalog>("api/catalog"),
  analyze: (flowJson: string, signal?: AbortSignal) => call<Analysis>("api/analyze", { ...json(flowJson), signal }),
  emit: (flowJson: string) => call<GeneratedCode>("api/emit", json(flowJson)),
  flows: () => call<FlowSummary[]>("api/flows"),
  create: (flowJson: string) => draftOf("api/flows", json(flowJson)),
  draft: (id: string) => draftOf(`${flow(id)}/draft`),
  save: (id: string, flowJson: string, etag: string) => draftOf(`${flow(id)}/draft`, json(flowJson, "PUT", { "if-match": etag })),
  publish: (id: string, etag: string) => call<PublishResponse>(`${flow(id)}/publish`, { method: "POST", headers: { "if-match": etag } }),
  dryRun: (id: string, body: string) => call<DryRunResult>(`${flow(id)}/dry-run`, json(body)),
  versions: (id: string) => call<VersionSummary[]>(`${flow(id)}/versions`),
  version: (id: string, version: number) => call<VersionSummary>(`${flow(id)}/versions/${version}`),
  restore: (id: string, version: number, etag: string) =>
    draftOf(`${flow(id)}/versions/${version}/restore`, { method: "POST", headers: { "if-match": etag } }),
  runs: (id: string, limit = 20) => call<RunSummary[]>(`${flow(id)}/runs?limit=${limit}`),
  run: (runId: string) => call<RunSummary>(`api/runs/${encodeURIComponent(runId)}`),
};
