import { describe, expect, it } from "vitest";
import { copyNodes, pasteNodes, readCopied, writeCopied } from "./clipboard";
import type { FlowDocument } from "./flow";

const flow: FlowDocument = {
  format: "flowc/1",
  id: "f",
  name: "f",
  nodes: [
    { id: "trigger", type: "event", parameters: { event: "server.created" }, position: { x: 0, y: 0 } },
    { id: "is-vip", type: "filter", parameters: { field: "cpu", operation: ">", value: 4 }, position: { x: 300, y: 0 } },
    { id: "mail", type: "sendMail", parameters: { to: "noc@example.org" }, position: { x: 600, y: 0 } },
  ],
  edges: [{ from: "trigger", to: "is-vip" }, { from: "is-vip", port: "true", to: "mail" }],
};

describe("copy and paste", () => {
  it("pastes copies with fresh ids, the edges between them, and no input", () => {
    const { flow: pasted, ids } = pasteNodes(flow, copyNodes(flow, ["is-vip", "mail"]));
    expect(ids).toEqual(["is-vip-2", "mail-2"]);
    expect(pasted.nodes.find((n) => n.id === "mail-2")).toEqual({ id: "mail-2", type: "sendMail", parameters: { to: "noc@example.org" }, position: { x: 640, y: 40 } });
    expect(pasted.edges).toContainEqual({ from: "is-vip-2", port: "true", to: "mail-2" });
    expect(pasted.edges.some((e) => e.to === "is-vip-2")).toBe(false);
  });

  it("never copies the trigger", () => {
    expect(copyNodes(flow, ["trigger"]).nodes).toEqual([]);
  });

  it("does not share parameters between the original and the copy", () => {
    const copied = copyNodes(flow, ["mail"]);
    const { flow: pasted } = pasteNodes(flow, copied);
    (pasted.nodes[3].parameters as Record<string, unknown>).to = "changed";
    expect(flow.nodes[2].parameters.to).toBe("noc@example.org");
  });

  it("round-trips through the clipboard text and ignores other text", () => {
    const copied = copyNodes(flow, ["mail"]);
    expect(readCopied(writeCopied(copied))).toEqual(copied);
    expect(readCopied("hello")).toBeNull();
    expect(readCopied(JSON.stringify({ nodes: [], edges: [] }))).toBeNull();
  });
});
