import { describe, expect, it } from "vitest";
import { diffFlows } from "./flowDiff";
import type { FlowDocument } from "./flow";

const v1: FlowDocument = {
  format: "flowc/1",
  id: "f",
  name: "f",
  nodes: [
    { id: "trigger", type: "event", parameters: { event: "server.created" }, position: { x: 0, y: 0 } },
    { id: "is-vip", type: "filter", parameters: { field: "cpu", operation: ">", value: 4 } },
    { id: "mail", type: "sendMail", parameters: { to: "noc@example.org" } },
  ],
  edges: [{ from: "trigger", to: "is-vip" }, { from: "is-vip", port: "true", to: "mail" }],
};

describe("flow diff", () => {
  it("finds nothing between a flow and itself moved around", () => {
    const moved = { ...v1, nodes: v1.nodes.map((n) => ({ ...n, position: { x: 5, y: 5 } })) };
    expect(diffFlows(v1, moved)).toEqual([]);
  });

  it("lists added, changed (with the parameters and input) and removed nodes", () => {
    const v2: FlowDocument = {
      ...v1,
      nodes: [
        v1.nodes[0],
        { id: "is-vip", type: "filter", parameters: { field: "cpu", operation: ">", value: 8 } },
        { id: "hook", type: "webhook", parameters: { url: "https://noc.example.org" } },
      ],
      edges: [{ from: "trigger", to: "is-vip" }, { from: "is-vip", port: "false", to: "hook" }],
    };
    expect(diffFlows(v1, v2)).toEqual([
      { id: "is-vip", change: "changed", type: "filter", fields: ["value"] },
      { id: "hook", change: "added", type: "webhook", fields: [] },
      { id: "mail", change: "removed", type: "sendMail", fields: [] },
    ]);
  });

  it("reports a node moved to another port as a changed input", () => {
    const v2 = { ...v1, edges: [{ from: "trigger", to: "is-vip" }, { from: "is-vip", port: "false", to: "mail" }] };
    expect(diffFlows(v1, v2)).toEqual([{ id: "mail", change: "changed", type: "sendMail", fields: ["input"] }]);
  });
});
