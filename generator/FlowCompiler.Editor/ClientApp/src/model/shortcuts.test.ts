import { describe, expect, it } from "vitest";
import { shortcutFor } from "./shortcuts";

const key = (key: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("shortcuts", () => {
  it("tells copy from connect and redo from undo by their modifiers", () => {
    expect(shortcutFor(key("c"))).toBe("connect");
    expect(shortcutFor(key("c", { ctrlKey: true }))).toBe("copy");
    expect(shortcutFor(key("z", { metaKey: true }))).toBe("undo");
    expect(shortcutFor(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(shortcutFor(key("y", { ctrlKey: true }))).toBe("redo");
  });

  it("maps the help, navigation and add keys, and nothing else", () => {
    expect(shortcutFor(key("?", { shiftKey: true }))).toBe("help");
    expect(shortcutFor(key("]"))).toBe("next");
    expect(shortcutFor(key("a"))).toBe("add");
    expect(shortcutFor(key("a", { altKey: true }))).toBeNull();
    expect(shortcutFor(key("q"))).toBeNull();
  });
});
