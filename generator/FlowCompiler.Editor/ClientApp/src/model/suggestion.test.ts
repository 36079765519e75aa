import { describe, expect, it } from "vitest";
import { applySuggestion, parameterOf, suggestionOf } from "./suggestion";

describe("did you mean", () => {
  it("reads the misspelt name and the suggestion", () => {
    expect(suggestionOf('"owner" has no field "emial" (did you mean "email"?). Fields here: id, email.')).toEqual({ wrong: "emial", right: "email" });
    expect(suggestionOf('unknown field "hostnme" (did you mean "hostname"?). Fields here: id.')).toEqual({ wrong: "hostnme", right: "hostname" });
    expect(suggestionOf("the flow has no trigger")).toBeNull();
  });

  it("replaces the segment in a template or a path, not inside other names", () => {
    expect(applySuggestion("Hi {{owner.emial}}!", { wrong: "emial", right: "email" })).toBe("Hi {{owner.email}}!");
    expect(applySuggestion("hostnme", { wrong: "hostnme", right: "hostname" })).toBe("hostname");
    expect(applySuggestion("{{ nodex }} {{ node }}", { wrong: "node", right: "vmid" })).toBe("{{ nodex }} {{ vmid }}");
  });

  it("finds the parameter a diagnostic is about", () => {
    expect(parameterOf("$.nodes[3].parameters.to")).toBe("to");
    expect(parameterOf("$.nodes[3].id")).toBeNull();
  });
});
