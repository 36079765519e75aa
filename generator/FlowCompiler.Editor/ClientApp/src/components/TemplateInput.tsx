// A template parameter in CodeMirror 6: {{ holes are highlighted and "{{" opens completion from the node's
// typed scope, each path with its type.
import { autocompletion, completionStatus, startCompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { EditorState } from "@codemirror/state";
import { Decoration, EditorView, MatchDecorator, ViewPlugin, type DecorationSet, type ViewUpdate, placeholder as placeholderText } from "@codemirror/view";
import { useEffect, useRef } from "react";
import type { ScopeField } from "../api/types";

const openHole = /\{\{\s*[\w.]*$/;

const holes = new MatchDecorator({ regexp: /\{\{.*?\}\}/g, decoration: Decoration.mark({ class: "cm-hole" }) });

const holeHighlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = holes.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = holes.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

function scopeCompletion(fields: () => ScopeField[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const before = context.matchBefore(openHole);
    if (!before) return null;
    const typed = /[\w.]*$/.exec(before.text)![0];
    // Until the first analysis arrives there is nothing to offer; asking again on the next key finds it.
    if (fields().length === 0) return null;
    return {
      from: context.pos - typed.length,
      options: fields().map((f) => ({ label: f.path, detail: f.type, type: "variable", apply: f.path })),
      validFor: /^[\w.]*$/,
    };
  };
}

export default function TemplateInput(props: {
  id: string;
  label: string;
  value: string;
  scope: ScopeField[];
  multiline?: boolean;
  invalid?: boolean;
  onChange(value: string): void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: props.value,
        extensions: [
          holeHighlighter,
          autocompletion({ override: [scopeCompletion(() => latest.current.scope)], activateOnTyping: true }),
          placeholderText("text, {{ field.path }} inserts a field"),
          props.multiline ? EditorView.lineWrapping : EditorState.transactionFilter.of((tr) => (tr.newDoc.lines > 1 ? [] : tr)),
          EditorView.contentAttributes.of({ "aria-label": props.label, id: props.id }),
          EditorView.updateListener.of((update) => {
            const text = update.state.doc.toString();
            if (update.docChanged && text !== latest.current.value) latest.current.onChange(text);
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is created once per field; value changes from outside are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== props.value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: props.value } });
    }
  }, [props.value]);

  // The scope arrives with the first analysis of a new node; an admin who typed "{{" before that gets the completion now.
  useEffect(() => {
    const editor = view.current;
    if (!editor?.hasFocus || props.scope.length === 0 || completionStatus(editor.state) !== null) return;
    const head = editor.state.selection.main.head;
    const line = editor.state.doc.lineAt(head);
    if (openHole.test(line.text.slice(0, head - line.from))) startCompletion(editor);
  }, [props.scope]);

  return <div ref={host} className={`template-input${props.multiline ? " multiline" : ""}${props.invalid ? " invalid" : ""}`} />;
}
