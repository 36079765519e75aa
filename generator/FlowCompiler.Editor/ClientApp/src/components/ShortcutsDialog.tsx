// The help sheet: every keyboard shortcut, from the same list the key handler uses.
import { shortcuts } from "../model/shortcuts";

export default function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <dialog open className="shortcuts-dialog" aria-labelledby="shortcuts-title" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts-table">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.action}><th scope="row"><kbd>{s.keys}</kbd></th><td>{s.description}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Tab moves through the toolbar, palette, canvas and forms; a dialog's first choice has the focus.</p>
      <div className="form-actions"><button onClick={onClose} autoFocus>Close</button></div>
    </dialog>
  );
}
