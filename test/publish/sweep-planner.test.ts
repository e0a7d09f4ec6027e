import { describe, expect, it } from "vitest";
import { createSweepPlanner, DEFAULT_SWEEP_MINUTES } from "../../src/publish/sweep-planner.js";

const T0 = new Date("2024-12-10T09:00:00Z");
/** `minutes` after T0, give or take `ms`. */
const minutesLater = (minutes: number, ms = 0) => new Date(T0.getTime() + minutes * 60_000 + ms);

describe("createSweepPlanner", () => {
  it("is due for an installation never swept", () => {
    const planner = createSweepPlanner();
    expect(planner.isDue(1, T0)).toBe(true);
    planner.record(1, "acme/blog", 5);
    expect(planner.isDue(1, T0)).toBe(true);
  });

  it("is not due before the interval, and due once it has passed", () => {
    const planner = createSweepPlanner();
    planner.record(1, "acme/blog", 5);
    planner.markSwept(1, T0);
    expect(planner.isDue(1, T0)).toBe(false);
    expect(planner.isDue(1, minutesLater(5, -1))).toBe(false);
    expect(planner.isDue(1, minutesLater(5))).toBe(true);
    expect(planner.isDue(1, minutesLater(60))).toBe(true);
  });

  it("counts from the last sweep", () => {
    const planner = createSweepPlanner();
    planner.record(1, "acme/blog", 5);
    planner.markSwept(1, T0);
    planner.markSwept(1, minutesLater(5));
    expect(planner.isDue(1, minutesLater(9))).toBe(false);
    expect(planner.isDue(1, minutesLater(10))).toBe(true);
  });

  it("waits 10 minutes for an installation with no repository recorded", () => {
    expect(DEFAULT_SWEEP_MINUTES).toBe(10);
    const planner = createSweepPlanner();
    planner.markSwept(1, T0);
    expect(planner.isDue(1, minutesLater(10, -1))).toBe(false);
    expect(planner.isDue(1, minutesLater(10))).toBe(true);
  });

  it("takes its default from the argument", () => {
    const planner = createSweepPlanner(3);
    planner.markSwept(1, T0);
    expect(planner.isDue(1, minutesLater(3, -1))).toBe(false);
    expect(planner.isDue(1, minutesLater(3))).toBe(true);
  });

  it("sweeps at the shortest interval of the installation's repositories", () => {
    const planner = createSweepPlanner();
    planner.record(1, "acme/blog", 30);
    planner.record(1, "acme/journal", 2);
    planner.record(1, "acme/notes", 15);
    planner.markSwept(1, T0);
    expect(planner.isDue(1, minutesLater(2, -1))).toBe(false);
    expect(planner.isDue(1, minutesLater(2))).toBe(true);
  });

  it("a repository's interval longer than the default is kept, not capped by the default", () => {
    const planner = createSweepPlanner();
    planner.record(1, "acme/blog", 60);
    planner.markSwept(1, T0);
    expect(planner.isDue(1, minutesLater(10))).toBe(false);
    expect(planner.isDue(1, minutesLater(60))).toBe(true);
  });

  it("keeps installations apart", () => {
    const planner = createSweepPlanner();
    planner.record(1, "acme/blog", 2);
    planner.record(2, "other/blog", 30);
    planner.markSwept(1, T0);
    expect(planner.isDue(2, T0)).toBe(true);
    planner.markSwept(2, T0);
    expect(planner.isDue(1, minutesLater(2))).toBe(true);
    expect(planner.isDue(2, minutesLater(2))).toBe(false);
    expect(planner.isDue(2, minutesLater(30))).toBe(true);
    // Installation 3 has recorded nothing: the default, not installation 1's 2 minutes.
    planner.markSwept(3, T0);
    expect(planner.isDue(3, minutesLater(2))).toBe(false);
    expect(planner.isDue(3, minutesLater(10))).toBe(true);
  });

  it("a repository recorded again replaces its interval", () => {
    const planner = createSweepPlanner();
    planner.record(1, "acme/blog", 2);
    planner.record(1, "acme/blog", 20);
    planner.markSwept(1, T0);
    expect(planner.isDue(1, minutesLater(2))).toBe(false);
    expect(planner.isDue(1, minutesLater(10))).toBe(false);
    expect(planner.isDue(1, minutesLater(20))).toBe(true);
    planner.record(1, "acme/blog", 5);
    expect(planner.isDue(1, minutesLater(5))).toBe(true);
  });

  it("forgets a repository that no longer publishes", () => {
    const planner = createSweepPlanner();
    planner.record(1, "acme/blog", 1);
    planner.record(1, "acme/notes", 30);
    planner.markSwept(1, T0);
    expect(planner.isDue(1, minutesLater(1))).toBe(true);
    planner.record(1, "acme/blog", undefined);
    expect(planner.isDue(1, minutesLater(1))).toBe(false);
    expect(planner.isDue(1, minutesLater(30))).toBe(true);
    planner.record(1, "acme/notes", undefined);
    expect(planner.isDue(1, minutesLater(10))).toBe(true);
  });
});
