import { describe, expect, it } from "vitest";
import { sampleEvent } from "./sampleEvent";
import type { Catalog } from "../api/types";

const catalog: Catalog = {
  events: [{
    name: "server.created",
    description: "",
    fields: [
      { path: "id", type: "int" },
      { path: "hostname", type: "string" },
      { path: "owner", type: "user" },
      { path: "owner.email", type: "string" },
      { path: "note", type: "string?" },
      { path: "charges", type: "array of charge" },
      { path: "charges.amount", type: "decimal" },
    ],
  }],
  nodeTypes: [],
  tables: [],
  serverActions: [],
};

describe("sample events", () => {
  it("fills every field with a value of its type, nesting objects and arrays", () => {
    const sample = JSON.parse(sampleEvent(catalog, "server.created"));
    expect(sample.event).toBe("server.created");
    expect(sample.data).toEqual({
      id: 1,
      hostname: "vm-101.example.org",
      owner: { email: "ada@example.org" },
      note: "example",
      charges: [{ amount: 9.99 }],
    });
  });

  it("gives an unknown event an empty payload", () => {
    expect(JSON.parse(sampleEvent(catalog, "nothing")).data).toEqual({});
  });
});
