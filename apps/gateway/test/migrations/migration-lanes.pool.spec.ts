import { describe, expect, it } from '@jest/globals';
import { runLanes, type LaneWork } from '../../src/migrations/migration-lanes.pool.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Batch {
  key: string;
  items: string[];
}

/**
 * Pending items per conversation, as the items table holds them: a batch takes a conversation's first
 * `size` items, and they stay pending (readable again) until the batch has run, as rows do until recorded.
 */
function conversations(pending: Record<string, string[]>, size: number, ms: (b: Batch) => number) {
  const log: string[] = [];
  let inFlight = 0;
  let most = 0;
  let proceed = () => true;
  const work: LaneWork<Batch> = {
    next: async (busy) => {
      await sleep(1);
      const keys = Object.keys(pending).filter((k) => pending[k]!.length > 0);
      const batches = keys
        .filter((k) => !busy.has(k))
        .map((key) => ({ key, items: pending[key]!.slice(0, size) }));
      return { batches, pending: keys.length > 0 };
    },
    keysOf: (b) => [b.key],
    run: async (b) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      log.push(`start ${b.items.join(',')}`);
      await sleep(ms(b));
      // A batch of items already imported (read while it ran) would show here as an item done twice.
      for (const item of b.items) {
        expect(pending[b.key]![0]).toBe(item);
        pending[b.key]!.shift();
      }
      log.push(`end ${b.items.join(',')}`);
      inFlight -= 1;
    },
    proceed: async () => proceed(),
  };
  return {
    work,
    log,
    most: () => most,
    stopWhen: (check: () => boolean) => (proceed = () => !check()),
  };
}

describe('runLanes', () => {
  it('starts a new batch as soon as any lane frees up, rather than when the slowest of a round ends', async () => {
    const pending = { slow: ['s1'], a: ['a1'], b: ['b1'], c: ['c1'], d: ['d1'], e: ['e1'], f: ['f1'] };
    const c = conversations(pending, 1, (b) => (b.key === 'slow' ? 150 : 10));
    const end = await runLanes(4, c.work);
    expect(end).toEqual({ batches: 7, over: true });
    expect(c.most()).toBe(4);
    // Everything else started, and ended, while the slow batch was still in flight.
    const slowEnd = c.log.indexOf('end s1');
    for (const id of ['d1', 'e1', 'f1']) expect(c.log.indexOf(`end ${id}`)).toBeLessThan(slowEnd);
  });

  it('never runs two batches of one conversation at once, and runs its batches oldest first', async () => {
    const pending = {
      x: ['x1', 'x2', 'x3', 'x4', 'x5'],
      y: ['y1', 'y2', 'y3'],
      z: ['z1'],
    };
    const c = conversations(pending, 2, () => 5);
    const end = await runLanes(4, c.work);
    expect(end.over).toBe(true);
    expect(Object.values(pending).flat()).toEqual([]);
    const starts = c.log.filter((l) => l.startsWith('start x'));
    expect(starts).toEqual(['start x1,x2', 'start x3,x4', 'start x5']);
    // Each start of x comes after the end of its previous batch.
    for (const [i, s] of starts.entries())
      if (i > 0) expect(c.log.indexOf(s)).toBeGreaterThan(c.log.indexOf(`end ${starts[i - 1]!.slice(6)}`));
  });

  it('starts no batch once proceed says stop; those in flight end first, and the kind is not over', async () => {
    const pending = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, [`m${i}`]]));
    const c = conversations(pending, 1, () => 20);
    let started = 0;
    const run = c.work.run;
    c.work.run = (b) => {
      started += 1;
      return run(b);
    };
    c.stopWhen(() => started >= 6);
    const end = await runLanes(4, c.work);
    expect(end).toEqual({ batches: 6, over: false });
    expect(c.log.filter((l) => l.startsWith('end'))).toHaveLength(6);
    expect(Object.values(pending).flat()).toHaveLength(14);
  });

  it('throws a failed batch’s error only after the other lanes have ended, and starts nothing after it', async () => {
    const pending = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, [`m${i}`]]));
    const c = conversations(pending, 1, (b) => (b.key === 'k0' ? 60 : 10));
    const run = c.work.run;
    c.work.run = async (b) => {
      if (b.key === 'k2') {
        await sleep(5);
        throw new Error('the database went away');
      }
      return run(b);
    };
    await expect(runLanes(4, c.work)).rejects.toThrow('the database went away');
    // k0, k1 and k3 were in flight when k2 failed: they ended (k0 last); nothing started after the failure.
    expect(c.log.at(-1)).toBe('end m0');
    expect(c.log.filter((l) => l.startsWith('start'))).toEqual(['start m0', 'start m1', 'start m3']);
  });

  it('reports the kind over at once when nothing is pending', async () => {
    const c = conversations({}, 1, () => 0);
    expect(await runLanes(4, c.work)).toEqual({ batches: 0, over: true });
  });
});
