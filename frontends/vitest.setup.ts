import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// jsdom has no layout: Radix measures elements with ResizeObserver, which needs only to exist here.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!("ResizeObserver" in globalThis)) {
  Object.assign(globalThis, { ResizeObserver: NoResizeObserver });
}

afterEach(() => {
  cleanup();
});
