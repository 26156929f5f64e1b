import { describe, expect, it } from '@jest/globals';
import { runLanes, type LaneSource } from '../../src/migrations/migration-lanes.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** A cursor over `units`, `per` at a time, that records how many of its reads overlapped. */
function cursor<U>(units: readonly U[], per: number) {
  let at = 0;
  let reading = 0;
  const seen = { reads: 0, overlapping: 0 };
  const source: LaneSource<U> = async () => {
    reading += 1;
    seen.reads += 1;
    if (reading > 1) seen.overlapping += 1;
    await tick();
    const out = units.slice(at, at + per);
    at += out.length;
    reading -= 1;
    return out;
  };
  return { source, seen };
}

/** Records what ran, how many at once, and which units overlapped which. */
function recorder() {
  const started: string[] = [];
  const inFlight = new Set<string>();
  let most = 0;
  const together: string[][] = [];
  return {
    started,
    get most() {
      return most;
    },
    together,
    async run(unit: string, ms = 2): Promise<boolean> {
      started.push(unit);
      inFlight.add(unit);
      most = Math.max(most, inFlight.size);
      together.push([...inFlight].sort());
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight.delete(unit);
      return true;
    },
  };
}

describe('runLanes', () => {
  it('runs every unit of every source once, never more than `lanes` at once, reading each source one read at a time', async () => {
    const a = cursor(
      Array.from({ length: 40 }, (_, i) => `a${i}`),
      3,
    );
    const b = cursor(
      Array.from({ length: 7 }, (_, i) => `b${i}`),
      2,
    );
    const r = recorder();
    const end = await runLanes({ lanes: 5, sources: [a.source, b.source], run: (u) => r.run(u) });
    expect(end).toEqual({ units: 47, stopped: false });
    expect([...r.started].sort()).toEqual(
      [
        ...Array.from({ length: 40 }, (_, i) => `a${i}`),
        ...Array.from({ length: 7 }, (_, i) => `b${i}`),
      ].sort(),
    );
    expect(new Set(r.started).size).toBe(47);
    expect(r.most).toBe(5);
    // A cursor read twice at once would hand the same units out twice: reads of one source never overlap.
    expect(a.seen.overlapping).toBe(0);
    expect(b.seen.overlapping).toBe(0);
    // Each source read until it came back empty, once.
    expect(a.seen.reads).toBe(Math.ceil(40 / 3) + 1);
    expect(b.seen.reads).toBe(Math.ceil(7 / 2) + 1);
  });

  it('takes from the sources in turn, so both have units in flight together', async () => {
    const a = cursor(['a0', 'a1', 'a2', 'a3'], 4);
    const b = cursor(['b0', 'b1', 'b2', 'b3'], 4);
    const r = recorder();
    await runLanes({ lanes: 2, sources: [a.source, b.source], run: (u) => r.run(u, 5) });
    // With two lanes, each pair in flight holds one unit of each source while both have units left.
    const mixed = r.together.filter((set) => set.length === 2);
    expect(mixed.length).toBeGreaterThan(0);
    for (const set of mixed) expect(set.map((u) => u[0]).sort()).toEqual(['a', 'b']);
  });

  it('keeps the lanes spread over the sources when one has long units and the other many short ones', async () => {
    const a = cursor(['a0', 'a1', 'a2', 'a3', 'a4', 'a5'], 6);
    const shorts = Array.from({ length: 60 }, (_, i) => `b${i}`);
    const b = cursor(shorts, 10);
    const inFlight = { a: 0, b: 0 };
    let bStarted = 0;
    let mostA = 0;
    const end = await runLanes({
      lanes: 4,
      sources: [a.source, b.source],
      run: async (u) => {
        const side = u[0] as 'a' | 'b';
        inFlight[side] += 1;
        if (side === 'b') bStarted += 1;
        // While the short units last, the long ones hold no more than their half of the lanes.
        if (bStarted < shorts.length) mostA = Math.max(mostA, inFlight.a);
        await new Promise((resolve) => setTimeout(resolve, side === 'a' ? 40 : 2));
        inFlight[side] -= 1;
        return true;
      },
    });
    expect(end.units).toBe(66);
    expect(mostA).toBe(2);
  });

  it('shares the lanes by weight while both sources have units, then gives all of them to the one left', async () => {
    // Source a has nine times b's work: of 10 lanes, b holds one while a lasts.
    const a = cursor(
      Array.from({ length: 90 }, (_, i) => `a${i}`),
      10,
    );
    const b = cursor(
      Array.from({ length: 30 }, (_, i) => `b${i}`),
      10,
    );
    const inFlight = { a: 0, b: 0 };
    let aLeft = 90;
    let mostB = 0;
    let mostBAlone = 0;
    const end = await runLanes({
      lanes: 10,
      sources: [a.source, b.source],
      weights: [90, 10],
      run: async (u) => {
        const side = u[0] as 'a' | 'b';
        inFlight[side] += 1;
        if (side === 'a') aLeft -= 1;
        if (aLeft > 10) mostB = Math.max(mostB, inFlight.b);
        else if (aLeft === 0) mostBAlone = Math.max(mostBAlone, inFlight.b);
        await new Promise((resolve) => setTimeout(resolve, 3));
        inFlight[side] -= 1;
        return true;
      },
    });
    expect(end.units).toBe(120);
    expect(mostB).toBe(1);
    // b's units outlast a's (one lane cannot end 30 units while nine end 90 … unless b got more).
    expect(mostBAlone).toBeGreaterThan(1);
  });

  it('still gives a source of little weight a lane', async () => {
    const a = cursor(
      Array.from({ length: 50 }, (_, i) => `a${i}`),
      10,
    );
    const b = cursor(['b0', 'b1'], 2);
    const order: string[] = [];
    await runLanes({
      lanes: 4,
      sources: [a.source, b.source],
      weights: [1000, 1],
      run: async (u) => {
        order.push(u);
        await new Promise((resolve) => setTimeout(resolve, 2));
        return true;
      },
    });
    // b's two units were not left for after all of a's.
    expect(order.indexOf('b1')).toBeLessThan(order.indexOf('a49'));
  });

  it('goes on with the other source when one runs dry', async () => {
    const a = cursor(['a0'], 1);
    const b = cursor(['b0', 'b1', 'b2', 'b3', 'b4', 'b5'], 1);
    const r = recorder();
    const end = await runLanes({ lanes: 3, sources: [a.source, b.source], run: (u) => r.run(u) });
    expect(end.units).toBe(7);
    expect([...r.started].sort()).toEqual(['a0', 'b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
  });

  it('starts no unit after one says stop, and lets those in flight end', async () => {
    const units = Array.from({ length: 30 }, (_, i) => `u${i}`);
    const a = cursor(units, 30);
    const ended: string[] = [];
    const end = await runLanes({
      lanes: 3,
      sources: [a.source],
      run: async (u) => {
        await new Promise((resolve) => setTimeout(resolve, u === 'u1' ? 1 : 10));
        ended.push(u);
        return u !== 'u1';
      },
    });
    expect(end.stopped).toBe(true);
    // u0, u1, u2 were in flight; u1 ended first and said stop: u3 may have started on its lane only before.
    expect(ended.sort()).toEqual(['u0', 'u1', 'u2']);
    expect(end.units).toBe(3);
  });

  it('throws the first error after the other lanes end their unit, and starts no unit after it', async () => {
    const units = Array.from({ length: 30 }, (_, i) => `u${i}`);
    const a = cursor(units, 30);
    const ended: string[] = [];
    let started = 0;
    const run = runLanes({
      lanes: 3,
      sources: [a.source],
      run: async (u) => {
        started += 1;
        if (u === 'u1') {
          await tick();
          throw new Error('vendor down');
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
        ended.push(u);
        return true;
      },
    });
    await expect(run).rejects.toThrow('vendor down');
    // The lanes of u0 and u2 ended their units before the error went up; nothing started after it.
    expect(ended.sort()).toEqual(['u0', 'u2']);
    expect(started).toBe(3);
  });

  it('throws a failed read of a source, after every unit under way has ended', async () => {
    let reads = 0;
    const source: LaneSource<string> = async () => {
      reads += 1;
      await tick();
      if (reads === 2) throw new Error('database gone');
      return ['x0', 'x1'];
    };
    const ended: string[] = [];
    await expect(
      runLanes({
        lanes: 2,
        sources: [source],
        run: async (u) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          ended.push(u);
          return true;
        },
      }),
    ).rejects.toThrow('database gone');
    expect(ended.sort()).toEqual(['x0', 'x1']);
  });

  it('ends at once when every source is empty', async () => {
    const r = recorder();
    const end = await runLanes({ lanes: 4, sources: [async () => [], async () => []], run: (u) => r.run(u) });
    expect(end).toEqual({ units: 0, stopped: false });
    expect(r.started).toEqual([]);
  });
});
