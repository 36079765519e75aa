// The "+" on a port: only the node types that may follow it.
import { useEditor } from "../state/store";
import { typesThatMayFollow } from "../model/graphRules";

export default function AddMenu({ target, onClose }: { target: { from: string; port: string }; onClose(): void }) {
  const { catalog, addNode } = useEditor();
  if (!catalog) return null;
  const types = typesThatMayFollow(catalog.nodeTypes.map((t) => t.type));
  return (
    <dialog open className="add-menu" aria-label={`Add a node on the ${target.port} port of ${target.from}`}>
      <p>Add below <strong>{target.from}</strong>{target.port !== "out" && <> on <strong>{target.port}</strong></>}</p>
      <div className="add-menu-items">
        {types.map((type) => (
          <button key={type} autoFocus={type === types[0]} onClick={() => { addNode(type, target); onClose(); }}>{type}</button>
        ))}
      </div>
      <button className="secondary" onClick={onClose}>Cancel</button>
    </dialog>
  );
}
