// The editor's HTTP API, addressed relative to the page, so the panel may mount the editor under any prefix.
import type { Analysis, Catalog, GeneratedCode, Problem } from "./types";

export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(new URL(path, document.baseURI), init);
  if (!response.ok) {
    const problem = response.headers.get("content-type")?.includes("json")
      ? ((await response.json()) as Problem)
      : { title: response.statusText, status: response.status };
    throw new ApiError(problem);
  }
  return (await response.json()) as T;
}

const json = (body: string): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body });

export const api = {
  catalog: () => call<Catalog>("api/catalog"),
  analyze: (flowJson: string, signal?: AbortSignal) => call<Analysis>("api/analyze", { ...json(flowJson), signal }),
  emit: (flowJson: string) => call<GeneratedCode>("api/emit", json(flowJson)),
};
