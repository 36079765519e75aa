// The selected node's parameters as a form generated from the catalog: choices for events and tables, a
// template editor for text that may hold holes, and each parameter's diagnostics with a one-click fix.
import { useEditor } from "../state/store";
import type { CatalogParameter, CatalogRetryMember, Diagnostic } from "../api/types";
import type { ParameterValue, RetrySettings } from "../model/flow";
import { applySuggestion, parameterOf, suggestionOf } from "../model/suggestion";
import TemplateInput from "./TemplateInput";

export default function NodeForm() {
  const { flow, catalog, selectedId, analysis, setParameter, setRetry, removeNode, disconnect } = useEditor();
  const node = flow.nodes.find((n) => n.id === selectedId);
  const spec = node && catalog?.nodeTypes.find((t) => t.type === node.type);
  if (!node || !spec || !catalog) {
    return <p className="hint">Select a node to edit it, or add one from the palette.</p>;
  }

  const scope = analysis?.scopes[node.id] ?? [];
  const problems = analysis?.diagnostics.filter((d) => d.nodeId === node.id) ?? [];
  const choicesFor = (parameter: CatalogParameter): string[] | null => {
    if (parameter.choices.length > 0) return parameter.choices;
    if (node.type === "event" && parameter.name === "event") return catalog.events.map((e) => e.name);
    if (node.type === "dbJoin" && parameter.name === "from") return catalog.tables.map((t) => t.name);
    if (node.type === "dbJoin" && parameter.name === "joinField") {
      return catalog.tables.find((t) => t.name === node.parameters.from)?.columns.filter((c) => !c.path.includes(".")).map((c) => c.path) ?? null;
    }
    if (node.type === "modifyServer" && parameter.name === "component") return [...new Set(catalog.serverActions.map((a) => a.component))];
    if (node.type === "modifyServer" && parameter.name === "action") {
      return catalog.serverActions.filter((a) => !node.parameters.component || a.component === node.parameters.component).map((a) => a.name);
    }
    return null;
  };
  // modifyServer shows only the values its action takes.
  const action = node.type === "modifyServer" ? catalog.serverActions.find((a) => a.name === node.parameters.action) : undefined;
  const shown = spec.parameters.filter((p) =>
    node.type !== "modifyServer" || ["serverId", "component", "action"].includes(p.name) || (action?.values.some((v) => v.name === p.name) ?? false));

  return (
    <form className="node-form" onSubmit={(e) => e.preventDefault()} aria-label={`Parameters of ${node.id}`}>
      <h2>
        <span className="flow-node-type">{node.type}</span> {node.id}
      </h2>
      {shown.map((parameter) => {
        const id = `param-${node.id}-${parameter.name}`;
        const value = node.parameters[parameter.name];
        const own = problems.filter((d) => parameterOf(d.path) === parameter.name);
        const choices = choicesFor(parameter);
        const set = (v: ParameterValue | undefined) => setParameter(node.id, parameter.name, v);
        return (
          <div key={parameter.name} className="field">
            <label htmlFor={id} title={parameter.description}>
              {parameter.name}
              {parameter.required && <span aria-hidden="true"> *</span>}
            </label>
            {choices ? (
              <select id={id} value={String(value ?? "")} onChange={(e) => set(e.target.value)} aria-invalid={own.length > 0}>
                <option value="">(choose)</option>
                {choices.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            ) : parameter.kinds.includes("bool") && parameter.kinds.length === 1 ? (
              <input id={id} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked ? true : undefined)} />
            ) : parameter.template && !parameter.kinds.includes("map") ? (
              <TemplateInput
                id={id}
                label={parameter.name}
                value={typeof value === "string" ? value : value === undefined ? "" : String(value)}
                scope={scope}
                multiline={parameter.role === "mailBody" || parameter.role === "body" || parameter.name === "content"}
                invalid={own.some((d) => d.severity === "error")}
                onChange={(text) => set(text)}
              />
            ) : parameter.kinds.includes("map") || parameter.kinds.includes("json") ? (
              <JsonField id={id} value={value} onChange={set} />
            ) : (
              <input
                id={id}
                list={parameter.role === "fieldPath" ? `${id}-scope` : undefined}
                value={value === undefined ? "" : String(value)}
                aria-invalid={own.length > 0}
                onChange={(e) => set(parameter.kinds.includes("number") && e.target.value.trim() !== "" && !Number.isNaN(Number(e.target.value)) && parameter.role === "filterValue" ? Number(e.target.value) : e.target.value)}
              />
            )}
            {parameter.role === "fieldPath" && (
              <datalist id={`${id}-scope`}>
                {scope.map((f) => <option key={f.path} value={f.path}>{f.type}</option>)}
              </datalist>
            )}
            {own.map((d, i) => <ProblemLine key={i} diagnostic={d} onFix={(fixed) => set(fixed)} text={typeof value === "string" ? value : null} />)}
          </div>
        );
      })}
      {spec.retry && (
        <RetryFields
          nodeId={node.id}
          members={spec.retry}
          retry={node.retry ?? {}}
          problems={problems.filter((d) => retryMemberOf(d.path) !== null)}
          onChange={(member, value) => setRetry(node.id, member, value)}
        />
      )}
      {problems.filter((d) => parameterOf(d.path) === null && retryMemberOf(d.path) === null).map((d, i) => <ProblemLine key={`n${i}`} diagnostic={d} text={null} />)}
      <div className="form-actions">
        {flow.edges.some((e) => e.to === node.id) && <button type="button" onClick={() => disconnect(node.id)}>Disconnect input</button>}
        <button type="button" className="danger" onClick={() => removeNode(node.id)}>Delete node</button>
      </div>
    </form>
  );
}

function ProblemLine({ diagnostic, text, onFix }: { diagnostic: Diagnostic; text: string | null; onFix?(fixed: string): void }) {
  const suggestion = suggestionOf(diagnostic.message);
  return (
    <p className={`problem problem-${diagnostic.severity}`} role="alert">
      <span className="code">{diagnostic.code}</span> {diagnostic.message}
      {suggestion && text !== null && onFix && (
        <button type="button" className="fix" onClick={() => onFix(applySuggestion(text, suggestion))}>
          Use “{suggestion.right}”
        </button>
      )}
    </p>
  );
}

function JsonField({ id, value, onChange }: { id: string; value: ParameterValue | undefined; onChange(v: ParameterValue | undefined): void }) {
  return (
    <textarea
      id={id}
      rows={4}
      defaultValue={value === undefined ? "" : JSON.stringify(value, null, 2)}
      onBlur={(e) => {
        const text = e.target.value.trim();
        if (text === "") return onChange(undefined);
        try {
          onChange(JSON.parse(text) as ParameterValue);
        } catch {
          useEditor.getState().notify(`${id.split("-").pop()}: not valid JSON`);
        }
      }}
    />
  );
}

// "$.nodes[2].retry.attempts" → "attempts"; "$.nodes[2].retry" → ""; anything else → null.
function retryMemberOf(path: string): string | null {
  const match = /^\$\.nodes\[\d+\]\.retry(?:\.(\w+))?$/.exec(path);
  return match ? (match[1] ?? "") : null;
}

// The node's retry settings, folded away until opened: most nodes keep their type's defaults. An empty field is the default.
function RetryFields({ nodeId, members, retry, problems, onChange }: {
  nodeId: string;
  members: CatalogRetryMember[];
  retry: RetrySettings;
  problems: Diagnostic[];
  onChange(member: keyof RetrySettings, value: number | undefined): void;
}) {
  const set = Object.keys(retry).length;
  return (
    <details className="retry" open={set > 0 || problems.length > 0}>
      <summary>Retry {set > 0 ? `(${set} set)` : "(defaults)"}</summary>
      {members.map((member) => {
        const id = `retry-${nodeId}-${member.name}`;
        const own = problems.filter((d) => retryMemberOf(d.path) === member.name);
        return (
          <div key={member.name} className="field">
            <label htmlFor={id} title={member.description}>{member.name}</label>
            <input
              id={id}
              type="number"
              min={member.min}
              max={member.max}
              step={member.integer ? 1 : "any"}
              placeholder={member.default === null ? "host default" : `default ${member.default}`}
              value={retry[member.name] ?? ""}
              aria-invalid={own.length > 0}
              onChange={(e) => onChange(member.name, e.target.value.trim() === "" || Number.isNaN(Number(e.target.value)) ? undefined : Number(e.target.value))}
            />
            {own.map((d, i) => <ProblemLine key={i} diagnostic={d} text={null} />)}
          </div>
        );
      })}
      {problems.filter((d) => retryMemberOf(d.path) === "").map((d, i) => <ProblemLine key={`r${i}`} diagnostic={d} text={null} />)}
    </details>
  );
}
