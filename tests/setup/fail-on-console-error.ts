// An unexpected console.error usually hides a real problem: fail the test instead.
import { afterEach, vi } from "vitest";

const spy = vi.spyOn(console, "error");

afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockClear();
  if (calls.length) throw new Error(`console.error was called:\n${calls.map((args) => args.join(" ")).join("\n")}`);
});
