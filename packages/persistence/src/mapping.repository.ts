import { In } from 'typeorm';
import { BridgeMappingEntity, type MappingKind } from './entities/bridge-mapping.entity.js';
import { newId } from './ids.js';
import { findPage, type Page } from './pagination.js';
import type { Transactor } from './transactor.js';

/** One row of an id table: an id on the source side and its twin on the target. */
export interface MappingPair {
  source: string;
  target: string;
}

/** Rows per statement: far below PostgreSQL's 65,535 parameters and SQLite's 32,766. */
const CHUNK = 1_000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** The `bridge_mappings` table: a bridge's user, group and chat room id tables. */
export class MappingRepository {
  constructor(private readonly transactor: Transactor) {}

  /** The twin of an id: the target id of a source id (`forward`), or the source id of a target id (`reverse`). */
  async mapped(
    bridgeId: string,
    kind: MappingKind,
    id: string,
    side: 'forward' | 'reverse',
  ): Promise<string | null> {
    return (await this.mappedMany(bridgeId, kind, [id], side)).get(id) ?? null;
  }

  /** `mapped` for many ids of one kind at once: the twins found, by id (ids without a row are absent). */
  async mappedMany(
    bridgeId: string,
    kind: MappingKind,
    ids: readonly string[],
    side: 'forward' | 'reverse',
  ): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    // Plain SQL: the import lanes look up hundreds of ids a batch, tens of thousands a second, and TypeORM's
    // building of an IN list that long was a tenth of the gateway's time (profile of members into Tencent).
    const [by, other] = side === 'forward' ? ['source_id', 'target_id'] : ['target_id', 'source_id'];
    for (const chunk of chunks([...new Set(ids)])) {
      const marks = chunk.map((_, i) => `$${i + 3}`).join(', ');
      const rows = await this.transactor.query<{ id: string; twin: string }>(
        `SELECT ${by} AS id, ${other} AS twin FROM bridge_mappings
         WHERE bridge_id = $1 AND kind = $2 AND ${by} IN (${marks})`,
        [bridgeId, kind, ...chunk],
      );
      for (const row of rows) found.set(row.id, row.twin);
    }
    return found;
  }

  /**
   * Writes an upload in one transaction. `replace` empties the table first. `merge` first asks `choose`
   * which rows to write, giving it the existing rows that hold any of the given target ids (read in the same
   * transaction); a written row replaces the existing row of its source id.
   */
  async upload<R extends MappingPair>(
    bridgeId: string,
    kind: MappingKind,
    mode: 'replace' | 'merge',
    rows: R[],
    now: string,
    choose: (holding: (targets: string[]) => Promise<MappingPair[]>) => Promise<R[]>,
  ): Promise<void> {
    await this.transactor.transaction(async (m) => {
      const repo = m.getRepository(BridgeMappingEntity);
      let writable = rows;
      if (mode === 'replace') await repo.delete({ bridgeId, kind });
      else {
        writable = await choose(async (targets) => {
          const found: MappingPair[] = [];
          for (const part of chunks(targets))
            for (const e of await repo.findBy({ bridgeId, kind, targetId: In(part) }))
              found.push({ source: e.sourceId, target: e.targetId });
          return found;
        });
        for (const part of chunks(writable))
          await repo.delete({ bridgeId, kind, sourceId: In(part.map((r) => r.source)) });
      }
      for (const part of chunks(writable))
        await repo.insert(
          part.map((r) =>
            Object.assign(new BridgeMappingEntity(), {
              id: newId(),
              bridgeId,
              kind,
              sourceId: r.source,
              targetId: r.target,
              createdAt: now,
            }),
          ),
        );
    });
  }

  count(bridgeId: string, kind: MappingKind): Promise<number> {
    return this.transactor.read((m) => m.countBy(BridgeMappingEntity, { bridgeId, kind }));
  }

  page(
    bridgeId: string,
    kind: MappingKind,
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<Page<BridgeMappingEntity>> {
    return this.transactor.read((m) => findPage(m, BridgeMappingEntity, { bridgeId, kind }, cursor, limit));
  }
}
