import { describe, expect, it } from "vitest";
import { awaitChange, isOwnWrite, rememberWrite, takeWrite } from "./consistency";

describe("the patient's own writes", () => {
  it("are recognised when the live stream echoes them, and sent once with the next read", () => {
    rememberWrite("a-1:4");
    expect(isOwnWrite("a-1:4")).toBe(true);
    expect(isOwnWrite("a-1:5")).toBe(false);
    expect(isOwnWrite(null)).toBe(false);
    expect(takeWrite()).toBe("a-1:4");
    expect(takeWrite()).toBeNull();
  });

  it("are not confused with changes heard, which the next read waits for all the same", () => {
    awaitChange("a-2:1");
    expect(isOwnWrite("a-2:1")).toBe(false);
    expect(takeWrite()).toBe("a-2:1");
  });
});
