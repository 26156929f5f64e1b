import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  MappingRepository,
  nowIso,
  Transactor,
  type BridgeEntity,
} from '@im-gateway/persistence';
import { createTestDatabase, insertTestBridge, type TestDatabase } from '@im-gateway/persistence/testing';
import { IdMapper } from '../../src/bridges/mappings/id-mapper.js';

/** The id mapper over a real table, counting the lookups that reach it. */
let db: TestDatabase;
let ds: DataSource;
let transactor: Transactor;

class CountingMappings extends MappingRepository {
  queries: { kind: string; ids: number }[] = [];

  override mappedMany(...args: Parameters<MappingRepository['mappedMany']>) {
    this.queries.push({ kind: args[1], ids: args[2].length });
    return super.mappedMany(...args);
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource(db.settings);
  transactor = new Transactor(ds);
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const bridgeWith = (userMapping: BridgeEntity['userMapping']) =>
  insertTestBridge(transactor, { userMapping });

describe('IdMapper.batched', () => {
  it('answers as the one-by-one lookups do, with one query per kind of id for the lookups of a tick', async () => {
    const bridge = await bridgeWith({
      type: 'affix',
      source: { prefix: 'em_', suffix: '' },
      target: { prefix: '', suffix: '@tc' },
    });
    const mappings = new CountingMappings(transactor);
    const pairs = (...p: [string, string][]) => p.map(([source, target]) => ({ source, target }));
    await mappings.upload(
      bridge.id,
      'user',
      'replace',
      pairs(['em_vip', 'boss@tc']),
      nowIso(),
      async () => [],
    );
    await mappings.upload(bridge.id, 'group', 'replace', pairs(['g1', 'G1']), nowIso(), async () => []);
    const mapper = new IdMapper(mappings);
    const users = [
      'em_vip',
      'em_ann',
      'em_vip',
      'plain',
      ...Array.from({ length: 50 }, (_, i) => `em_u${i}`),
    ];
    const groups = ['g1', 'g2', 'g1'];

    const one = await Promise.all([
      ...users.map((u) => mapper.user(bridge, u, 'forward')),
      ...groups.map((g) => mapper.conversation(bridge, 'group', g, 'forward')),
    ]);
    mappings.queries = [];
    const lookup = mapper.batched(bridge, 'forward');
    const many = await Promise.all([
      ...users.map((u) => lookup.user(u)),
      ...groups.map((g) => lookup.conversation('group', g)),
    ]);

    expect(many).toEqual(one);
    // The table wins over the rule; the rule maps the rest; an id the rule cannot take is null.
    expect(many.slice(0, 4)).toEqual(['boss@tc', 'ann@tc', 'boss@tc', null]);
    expect(many.slice(-3)).toEqual(['G1', null, 'G1']);
    // Each distinct id once, in one query per kind.
    expect(mappings.queries).toEqual([
      { kind: 'user', ids: 53 },
      { kind: 'group', ids: 2 },
    ]);
  });

  it('maps the other way across the table', async () => {
    const bridge = await bridgeWith({ type: 'table' });
    const mappings = new MappingRepository(transactor);
    const pairs = [{ source: 'a', target: 'A' }];
    await mappings.upload(bridge.id, 'user', 'replace', pairs, nowIso(), async () => []);
    const lookup = new IdMapper(mappings).batched(bridge, 'reverse');
    expect(await Promise.all([lookup.user('A'), lookup.user('a')])).toEqual(['a', null]);
  });
});
