// Shown when a save was refused because someone else saved the draft first: load theirs, or keep mine (saved over theirs, knowingly).
import type { StaleSave } from "../state/session";

export default function StaleDialog({ stale, onLoadTheirs, onKeepMine }: { stale: StaleSave; onLoadTheirs(): void; onKeepMine(): void }) {
  const when = stale.savedAt ? new Date(stale.savedAt).toLocaleString() : "meanwhile";
  return (
    <dialog open className="stale-dialog" aria-labelledby="stale-title" role="alertdialog">
      <h2 id="stale-title">Someone else changed this flow</h2>
      <p>
        <strong>{stale.savedBy}</strong> saved this flow ({when}) after you opened it, so your last change was not saved.
      </p>
      <p className="hint">Load their version to continue from it (your unsaved change is lost), or keep yours and save it over theirs.</p>
      <div className="form-actions">
        <button onClick={onLoadTheirs} autoFocus>Load their version</button>
        <button className="danger" onClick={onKeepMine}>Keep mine</button>
      </div>
    </dialog>
  );
}
