import { describe, expect, it } from "vitest";
import { connectionProblem, isAncestor } from "./graphRules";
import type { FlowDocument } from "./flow";

const ports = (type: string) => (type === "filter" ? ["true", "false"] : ["out"]);

const flow: FlowDocument = {
  format: "flowc/1",
  id: "f",
  name: "f",
  nodes: [
    { id: "trigger", type: "event", parameters: { event: "server.created" } },
    { id: "is-vip", type: "filter", parameters: {} },
    { id: "notify", type: "webhook", parameters: {} },
    { id: "mail", type: "sendMail", parameters: {} },
  ],
  edges: [
    { from: "trigger", to: "is-vip" },
    { from: "is-vip", port: "true", to: "notify" },
  ],
};

describe("connection rules", () => {
  it("allows a free node on a filter port", () => {
    expect(connectionProblem(flow, { from: "is-vip", port: "false", to: "mail" }, ports)).toBeNull();
  });

  it("refuses a second input", () => {
    expect(connectionProblem(flow, { from: "trigger", port: "out", to: "notify" }, ports)).toMatch(/already has an input/);
  });

  it("refuses an edge into the trigger", () => {
    expect(connectionProblem(flow, { from: "mail", port: "out", to: "trigger" }, ports)).toMatch(/takes no input/);
  });

  it("refuses a port the node type does not have", () => {
    expect(connectionProblem(flow, { from: "is-vip", port: "out", to: "mail" }, ports)).toMatch(/no port "out"/);
    expect(connectionProblem(flow, { from: "notify", port: "true", to: "mail" }, ports)).toMatch(/no port "true"/);
  });

  it("refuses a cycle", () => {
    const loose: FlowDocument = { ...flow, edges: [{ from: "trigger", to: "is-vip" }, { from: "is-vip", port: "true", to: "notify" }] };
    expect(isAncestor(loose, "is-vip", "notify")).toBe(true);
    expect(connectionProblem({ ...loose, edges: [{ from: "is-vip", port: "true", to: "notify" }] }, { from: "notify", port: "out", to: "is-vip" }, ports)).toMatch(/cycle/);
  });

  it("refuses a node feeding itself", () => {
    expect(connectionProblem(flow, { from: "mail", port: "out", to: "mail" }, ports)).toMatch(/itself/);
  });
});
