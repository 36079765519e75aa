// The editor's state: the flow being edited (undoable), what is selected, and the server's latest analysis.
import { create } from "zustand";
import { temporal } from "zundo";
import { type FlowDocument, type FlowNode, type ParameterValue, type RetryMember, freshId } from "../model/flow";
import { layout } from "../model/layout";
import { type Copied, pasteNodes } from "../model/clipboard";
import type { Analysis, Catalog } from "../api/types";

export interface EditorState {
  catalog: Catalog | null;
  flow: FlowDocument;
  selectedId: string | null;
  analysis: Analysis | null;
  notice: string | null;
  setCatalog(catalog: Catalog): void;
  replaceFlow(flow: FlowDocument): void;
  select(id: string | null): void;
  setAnalysis(analysis: Analysis | null): void;
  notify(message: string | null): void;
  addNode(type: string, below?: { from: string; port: string }): string;
  connect(from: string, port: string, to: string): void;
  disconnect(to: string): void;
  removeNode(id: string): void;
  setParameter(nodeId: string, name: string, value: ParameterValue | undefined): void;
  setRetry(nodeId: string, member: RetryMember, value: number | undefined): void;
  setFlowField(field: "id" | "name" | "description", value: string): void;
  moveNode(id: string, position: { x: number; y: number }): void;
  autoLayout(): void;
  paste(copied: Copied): string[];
}

const withNode = (flow: FlowDocument, id: string, change: (node: FlowNode) => FlowNode): FlowDocument => ({
  ...flow,
  nodes: flow.nodes.map((n) => (n.id === id ? change(n) : n)),
});

export const useEditor = create<EditorState>()(
  temporal(
    (set, get) => ({
      catalog: null,
      flow: { format: "flowc/1", id: "new-flow", name: "New flow", nodes: [], edges: [] },
      selectedId: null,
      analysis: null,
      notice: null,
      setCatalog: (catalog) => set({ catalog }),
      replaceFlow: (flow) => set({ flow: flow.nodes.every((n) => n.position) ? flow : layout(flow), selectedId: null }),
      select: (selectedId) => set({ selectedId }),
      setAnalysis: (analysis) => set({ analysis }),
      notify: (notice) => set({ notice }),
      addNode: (type, below) => {
        const flow = get().flow;
        const id = freshId(flow, type);
        const parent = below ? flow.nodes.find((n) => n.id === below.from) : undefined;
        const siblings = below ? flow.edges.filter((e) => e.from === below.from).length : 0;
        const position = parent?.position
          ? { x: parent.position.x + 300, y: parent.position.y + siblings * 110 }
          : { x: 40 + flow.nodes.length * 24, y: 40 + flow.nodes.length * 24 };
        const node: FlowNode = { id, type, parameters: {}, position };
        const edges = below ? [...flow.edges, below.port === "out" ? { from: below.from, to: id } : { from: below.from, port: below.port, to: id }] : flow.edges;
        set({ flow: { ...flow, nodes: [...flow.nodes, node], edges }, selectedId: id });
        return id;
      },
      connect: (from, port, to) => {
        const flow = get().flow;
        set({ flow: { ...flow, edges: [...flow.edges, port === "out" ? { from, to } : { from, port, to }] } });
      },
      disconnect: (to) => {
        const flow = get().flow;
        set({ flow: { ...flow, edges: flow.edges.filter((e) => e.to !== to) } });
      },
      removeNode: (id) => {
        const flow = get().flow;
        set({
          flow: { ...flow, nodes: flow.nodes.filter((n) => n.id !== id), edges: flow.edges.filter((e) => e.from !== id && e.to !== id) },
          selectedId: get().selectedId === id ? null : get().selectedId,
        });
      },
      setParameter: (nodeId, name, value) => {
        set({
          flow: withNode(get().flow, nodeId, (node) => {
            const parameters = { ...node.parameters };
            if (value === undefined || value === "") delete parameters[name];
            else parameters[name] = value;
            return { ...node, parameters };
          }),
        });
      },
      setRetry: (nodeId, member, value) => {
        set({
          flow: withNode(get().flow, nodeId, (node) => {
            const retry = { ...node.retry };
            if (value === undefined) delete retry[member];
            else retry[member] = value;
            const next: FlowNode = { ...node, retry };
            if (Object.keys(retry).length === 0) delete next.retry;
            return next;
          }),
        });
      },
      setFlowField: (field, value) => set({ flow: { ...get().flow, [field]: value } }),
      moveNode: (id, position) => set({ flow: withNode(get().flow, id, (node) => ({ ...node, position })) }),
      autoLayout: () => set({ flow: layout(get().flow) }),
      paste: (copied) => {
        const { flow, ids } = pasteNodes(get().flow, copied);
        set({ flow, selectedId: ids[0] ?? get().selectedId });
        return ids;
      },
    }),
    {
      // Only the document is undoable; selection and analysis follow it.
      partialize: (state) => ({ flow: state.flow }),
      limit: 200,
    },
  ),
);
