// Every keyboard shortcut, once: the key handler and the help sheet both read this list.

export type ShortcutAction =
  | "help" | "undo" | "redo" | "copy" | "paste" | "add" | "connect" | "next" | "previous" | "delete" | "layout" | "escape";

export interface Shortcut {
  action: ShortcutAction;
  keys: string;
  description: string;
  /** Whether the key event matches (outside text fields). */
  matches(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): boolean;
}

const mod = (e: Pick<KeyboardEvent, "ctrlKey" | "metaKey">) => e.ctrlKey || e.metaKey;
const plain = (e: Pick<KeyboardEvent, "ctrlKey" | "metaKey" | "altKey">) => !e.ctrlKey && !e.metaKey && !e.altKey;

export const shortcuts: Shortcut[] = [
  { action: "help", keys: "?", description: "Show this help", matches: (e) => e.key === "?" && !mod(e) },
  { action: "add", keys: "A", description: "Add a node after the selected one (on its first free port)", matches: (e) => plain(e) && e.key.toLowerCase() === "a" },
  { action: "connect", keys: "C", description: "Connect the selected node's input to a port", matches: (e) => plain(e) && e.key.toLowerCase() === "c" },
  { action: "next", keys: "]", description: "Select the next node", matches: (e) => plain(e) && e.key === "]" },
  { action: "previous", keys: "[", description: "Select the previous node", matches: (e) => plain(e) && e.key === "[" },
  { action: "delete", keys: "Delete", description: "Remove the selected node", matches: (e) => plain(e) && (e.key === "Delete" || e.key === "Backspace") },
  { action: "copy", keys: "Ctrl+C", description: "Copy the selected node", matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === "c" },
  { action: "paste", keys: "Ctrl+V", description: "Paste copied nodes", matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === "v" },
  { action: "undo", keys: "Ctrl+Z", description: "Undo", matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === "z" },
  { action: "redo", keys: "Ctrl+Shift+Z / Ctrl+Y", description: "Redo", matches: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === "z") || e.key.toLowerCase() === "y") },
  { action: "layout", keys: "L", description: "Lay the flow out left to right", matches: (e) => plain(e) && e.key.toLowerCase() === "l" },
  { action: "escape", keys: "Esc", description: "Close a dialog, clear the selection", matches: (e) => e.key === "Escape" },
];

/** The shortcut a key event means, if any. */
export function shortcutFor(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): ShortcutAction | null {
  return shortcuts.find((s) => s.matches(e))?.action ?? null;
}
