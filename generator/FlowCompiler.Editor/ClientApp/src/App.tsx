// The editor page: palette | canvas | side panel (parameters or C#), a toolbar, live validation.
import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError } from "./api/client";
import { emptyFlow, exportFlow, parseFlow, portOf } from "./model/flow";
import { type Copied, copyNodes, readCopied, writeCopied } from "./model/clipboard";
import { shortcutFor } from "./model/shortcuts";
import ConnectDialog from "./components/ConnectDialog";
import ShortcutsDialog from "./components/ShortcutsDialog";
import { useEditor } from "./state/store";
import Canvas from "./components/Canvas";
import CodeView from "./components/CodeView";
import NodeForm from "./components/NodeForm";
import Palette from "./components/Palette";
import AddMenu from "./components/AddMenu";
import DryRunPanel from "./components/DryRunPanel";
import FlowsDialog from "./components/FlowsDialog";
import RunsPanel from "./components/RunsPanel";
import StaleDialog from "./components/StaleDialog";
import VersionsPanel from "./components/VersionsPanel";
import { createFlow, leaveFlow, openFlow } from "./session/openFlow";
import { saveNow, useAutosave } from "./session/useAutosave";
import { useSession, type SaveState } from "./state/session";

const ANALYZE_DELAY_MS = 300;

type Panel = "form" | "code" | "dry-run" | "versions" | "runs";
const panels: { id: Panel; label: string }[] = [
  { id: "form", label: "Parameters" },
  { id: "code", label: "View C#" },
  { id: "dry-run", label: "Dry run" },
  { id: "versions", label: "Versions" },
  { id: "runs", label: "Runs" },
];

const saveLabels: Record<SaveState, string> = {
  new: "Not saved",
  saved: "Saved",
  dirty: "Unsaved changes",
  saving: "Saving…",
  stale: "Not saved: changed elsewhere",
  failed: "Save failed",
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export default function App() {
  const { catalog, flow, analysis, notice, setCatalog, replaceFlow, setAnalysis, notify, addNode, selectedId, setFlowField } = useEditor();
  const [panel, setPanel] = useState<Panel>("form");
  const [showFlows, setShowFlows] = useState(false);
  const session = useSession();
  useAutosave();
  const [adding, setAdding] = useState<{ from: string; port: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const [theme, setTheme] = useState<"light" | "dark">(() => (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"));

  useEffect(() => {
    api.catalog().then(async (c) => {
      setCatalog(c);
      replaceFlow(emptyFlow(c.events[0]?.name ?? "server.created"));
      useEditor.temporal.getState().clear();
      // A deep link (?flow=ID) opens that flow's draft.
      const linked = new URLSearchParams(location.search).get("flow");
      if (linked) await openFlow(linked).catch((e: unknown) => notify(`Flow "${linked}" could not be opened: ${message(e)}`));
    }, (e: unknown) => notify(`The catalog could not be loaded: ${message(e)}`));
  }, [setCatalog, replaceFlow, notify]);

  useEffect(() => { document.documentElement.dataset.theme = theme; }, [theme]);

  // Live validation: the server's analyze, debounced, the previous request cancelled.
  useEffect(() => {
    if (!catalog) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api.analyze(exportFlow(flow), abort.signal).then(setAnalysis, (e: unknown) => {
        if (!abort.signal.aborted) notify(e instanceof ApiError ? e.message : "The server could not check the flow.");
      });
    }, ANALYZE_DELAY_MS);
    return () => { clearTimeout(timer); abort.abort(); };
  }, [flow, catalog, setAnalysis, notify]);

  const undo = useCallback(() => useEditor.temporal.getState().undo(), []);
  const redo = useCallback(() => useEditor.temporal.getState().redo(), []);

  // Shortcuts act outside text fields (Escape everywhere); the help sheet lists the same table.
  const [connecting, setConnecting] = useState<string | null>(null);
  const copied = useRef<Copied | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      const target = e.target instanceof HTMLElement ? e.target : null;
      const inText = target?.closest("input, textarea, select, .cm-editor") != null;
      if (!action || (inText && action !== "escape") || (target?.closest("dialog") && action !== "escape")) return;
      const state = useEditor.getState();
      const selected = state.flow.nodes.find((n) => n.id === state.selectedId);
      switch (action) {
        case "help": setShowHelp(true); break;
        case "undo": undo(); break;
        case "redo": redo(); break;
        case "layout": state.autoLayout(); break;
        case "escape": setShowHelp(false); setConnecting(null); setAdding(null); state.select(null); break;
        case "next":
        case "previous": {
          const nodes = state.flow.nodes;
          const at = nodes.findIndex((n) => n.id === state.selectedId);
          const step = action === "next" ? 1 : nodes.length - 1;
          if (nodes.length) state.select(nodes[at < 0 ? 0 : (at + step) % nodes.length].id);
          break;
        }
        case "add": {
          if (!selected) { state.notify("Select a node first: ] and [ move through the nodes."); break; }
          const ports = state.catalog?.nodeTypes.find((t) => t.type === selected.type)?.ports ?? ["out"];
          const free = ports.find((p) => !state.flow.edges.some((edge) => edge.from === selected.id && portOf(edge) === p));
          setAdding({ from: selected.id, port: free ?? ports[0] });
          break;
        }
        case "connect":
          if (selected && selected.type !== "event") setConnecting(selected.id);
          else state.notify("Select the node to connect (not the trigger): ] and [ move through the nodes.");
          break;
        case "delete":
          // Inside the canvas React Flow removes the selection itself (edges too).
          if (selected && !target?.closest(".react-flow")) state.removeNode(selected.id);
          break;
        case "copy":
          if (!selected || window.getSelection()?.toString()) return;
          copied.current = copyNodes(state.flow, [selected.id]);
          void navigator.clipboard?.writeText(writeCopied(copied.current)).catch(() => undefined);
          break;
        case "paste":
          if (copied.current) state.paste(copied.current);
          break;
      }
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo, redo]);

  // Pasting text copied elsewhere (another tab of the editor, a chat) also works, through the paste event.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target?.closest("input, textarea, .cm-editor, dialog")) return;
      const nodes = readCopied(e.clipboardData?.getData("text/plain") ?? "");
      if (nodes) {
        copied.current = nodes;
        e.preventDefault();
      }
    };
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, []);

  const errors = analysis?.diagnostics.filter((d) => d.severity === "error") ?? [];
  const canPublish = session.storedId !== null && session.saveState === "saved" && analysis !== null && errors.length === 0;
  const publish = async () => {
    try {
      const result = await api.publish(session.storedId!, session.etag!);
      session.setPublished(result.version);
      notify(result.unchanged ? `Version ${result.version} already holds this draft; nothing changed.` : `Published version ${result.version}: it runs on the next event.`);
    } catch (e) {
      notify(`Not published: ${message(e)}`);
    }
  };
  const newFlow = () => {
    leaveFlow();
    replaceFlow(emptyFlow(catalog?.events[0]?.name ?? "server.created"));
    useEditor.temporal.getState().clear();
    setShowFlows(false);
  };
  const onPick = (type: string) => {
    const selected = flow.nodes.find((n) => n.id === selectedId);
    const port = selected && catalog?.nodeTypes.find((t) => t.type === selected.type)?.ports[0];
    addNode(type, selected && port && type !== "event" ? { from: selected.id, port } : undefined);
  };

  return (
    <div className="editor">
      <header className="toolbar">
        <input className="flow-name" aria-label="Flow name" value={flow.name} onChange={(e) => setFlowField("name", e.target.value)} />
        <input className="flow-id" aria-label="Flow id" value={flow.id} readOnly={session.storedId !== null}
          title={session.storedId ? "A stored flow keeps its id; import it under a new id to copy it." : undefined}
          onChange={(e) => setFlowField("id", e.target.value)} />
        <span className={`status ${errors.length ? "status-error" : "status-ok"}`} role="status">
          {analysis === null ? "Checking…" : errors.length ? `${errors.length} error${errors.length > 1 ? "s" : ""}` : "No errors"}
        </span>
        <span className={`save-state save-${session.saveState}`} aria-live="polite">
          {saveLabels[session.saveState]}{session.publishedVersion ? ` · v${session.publishedVersion} published` : ""}
        </span>
        <button onClick={() => setShowFlows(true)}>Flows</button>
        {session.storedId === null && (
          <button onClick={() => createFlow().catch((e: unknown) => notify(`Not saved: ${message(e)}`))}>Save</button>
        )}
        <button onClick={publish} disabled={!canPublish}
          title={canPublish ? "Publish the saved draft" : errors.length ? "Fix the errors first" : "Save the flow first"}>Publish</button>
        <button onClick={undo} title="Undo (Ctrl+Z)">Undo</button>
        <button onClick={redo} title="Redo (Ctrl+Shift+Z)">Redo</button>
        <button onClick={() => useEditor.getState().autoLayout()}>Layout</button>
        <button onClick={() => setImporting(true)}>Import</button>
        <button onClick={() => download(flow.id, exportFlow(flow))}>Export</button>
        <button onClick={() => setShowHelp(true)} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">?</button>
        <button onClick={() => setTheme(theme === "dark" ? "light" : "dark")}>{theme === "dark" ? "Light theme" : "Dark theme"}</button>
      </header>
      {notice && (
        <div className="notice" role="alert">
          {notice} <button onClick={() => notify(null)} aria-label="Dismiss">×</button>
        </div>
      )}
      <main className="workspace">
        <Palette onPick={onPick} />
        <section className="canvas" aria-label="Flow canvas">
          <ReactFlowProvider>
            <Canvas theme={theme} onAddBelow={(from, port) => setAdding({ from, port })} />
          </ReactFlowProvider>
        </section>
        <aside className="side-panel">
          <nav className="panel-tabs" role="tablist" aria-label="Side panel">
            {panels.map((p) => (
              <button key={p.id} role="tab" aria-selected={panel === p.id} onClick={() => setPanel(p.id)}>{p.label}</button>
            ))}
          </nav>
          <div role="tabpanel">
            {panel === "form" && <NodeForm />}
            {panel === "code" && <CodeView />}
            {panel === "dry-run" && <DryRunPanel />}
            {panel === "versions" && <VersionsPanel />}
            {panel === "runs" && <RunsPanel />}
          </div>
        </aside>
      </main>
      {session.overlay && (
        <div className="overlay-bar" role="status">
          Showing: {session.overlay.label} <button onClick={() => session.showOverlay(null)}>Clear</button>
        </div>
      )}
      {showFlows && (
        <FlowsDialog
          onClose={() => setShowFlows(false)}
          onNew={newFlow}
          onOpen={(id) => openFlow(id).then(() => setShowFlows(false), (e: unknown) => notify(`Flow "${id}" could not be opened: ${message(e)}`))}
        />
      )}
      {session.stale && (
        <StaleDialog
          stale={session.stale}
          onLoadTheirs={() => openFlow(session.storedId!).catch((e: unknown) => notify(message(e)))}
          onKeepMine={() => void saveNow(session.stale!.etag)}
        />
      )}
      {adding && <AddMenu target={adding} onClose={() => setAdding(null)} />}
      {connecting && <ConnectDialog nodeId={connecting} onClose={() => setConnecting(null)} />}
      {showHelp && <ShortcutsDialog onClose={() => setShowHelp(false)} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}

function ImportDialog({ onClose }: { onClose(): void }) {
  const text = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <dialog open className="import-dialog" aria-label="Import a flow">
      <label htmlFor="import-text">Paste a flow's JSON (from the community, or an export)</label>
      <textarea id="import-text" ref={text} rows={14} autoFocus />
      {error && <p className="problem problem-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button onClick={() => {
          const parsed = parseFlow(text.current?.value ?? "");
          if ("error" in parsed) return setError(parsed.error);
          useEditor.getState().replaceFlow(parsed.flow);
          onClose();
        }}>Import</button>
        <button className="secondary" onClick={onClose}>Cancel</button>
      </div>
    </dialog>
  );
}

function download(id: string, json: string) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  link.download = `${id}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}
