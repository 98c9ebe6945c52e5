import { describe, expect, it } from "vitest";
import { interpolate } from "./context";
import { en } from "./en";
import { hi } from "./hi";

describe("message catalogues", () => {
  it("have the same keys and the same placeholders in every language", () => {
    expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(placeholders(hi[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("fill placeholders and leave unknown ones as they are", () => {
    expect(interpolate("Hello {name}, {missing}", { name: "Asha" })).toBe("Hello Asha, {missing}");
  });
});
