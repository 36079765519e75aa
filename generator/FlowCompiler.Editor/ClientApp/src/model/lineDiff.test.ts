import { describe, expect, it } from "vitest";
import { diffLines } from "./lineDiff";

describe("line diff", () => {
  it("keeps common lines and marks the changed ones", () => {
    expect(diffLines("a\nb\nc\nd", "a\nx\nc\nd\ne")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
      { kind: "same", text: "c" },
      { kind: "same", text: "d" },
      { kind: "added", text: "e" },
    ]);
  });

  it("finds no change between equal texts", () => {
    expect(diffLines("x\ny", "x\ny").every((l) => l.kind === "same")).toBe(true);
  });

  it("aligns an insertion in the middle", () => {
    const kinds = diffLines("1\n2\n3\n4", "1\n2\nnew\n3\n4").map((l) => l.kind);
    expect(kinds).toEqual(["same", "same", "added", "same", "same"]);
  });
});
