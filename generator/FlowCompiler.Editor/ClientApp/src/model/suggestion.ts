// "did you mean" in a diagnostic as a one-click fix: the misspelt name and its suggestion.

export interface Suggestion {
  wrong: string;
  right: string;
}

/** The fix a message proposes: the quoted name just before "(did you mean "…"?)", and the suggestion. */
export function suggestionOf(message: string): Suggestion | null {
  const match = /"([^"]+)"(?:[^"]*)\(did you mean "([^"]+)"\?\)/.exec(message);
  return match ? { wrong: match[1], right: match[2] } : null;
}

/** The parameter text with the first path segment `wrong` replaced by `right`. */
export function applySuggestion(text: string, { wrong, right }: Suggestion): string {
  const escaped = wrong.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`(^|[.{\\s|(])${escaped}(?=[.}\\s|)]|$)`), `$1${right}`);
}

/** The parameter a diagnostic's JSON path points at, e.g. "to" for $.nodes[3].parameters.to. */
export function parameterOf(path: string): string | null {
  const match = /\.parameters\.([A-Za-z0-9_]+)/.exec(path) ?? /\.parameters\['([^']+)'\]/.exec(path);
  return match ? match[1] : null;
}
