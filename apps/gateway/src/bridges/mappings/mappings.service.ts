import { Injectable } from '@nestjs/common';
import {
  BridgeMappingEntity,
  clampLimit,
  MAPPING_KINDS,
  newId,
  nowIso,
  toPage,
  Transactor,
  type MappingKind,
  type Page,
} from '@im-gateway/persistence';
import { ImGatewayError } from '@im-gateway/types';
import { AppsService } from '../../tenancy/apps.service.js';
import { BridgesService } from '../bridges.service.js';
import type {
  MappingListResponseDto,
  MappingRowDto,
  MappingUploadReportDto,
  RejectedRowDto,
} from './mapping.dto.js';
import { validateRows, type AcceptedRow } from './mapping-rows.validator.js';
import { uploadedRows } from './mapping-upload.parser.js';

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters and SQLite's 32,766. */
const INSERT_CHUNK = 1_000;

export function mappingKind(value: string): MappingKind {
  if ((MAPPING_KINDS as readonly string[]).includes(value)) return value as MappingKind;
  throw new ImGatewayError('validation_failed', `kind must be one of ${MAPPING_KINDS.join(', ')}`, [
    { field: 'kind', message: `must be one of ${MAPPING_KINDS.join(', ')}` },
  ]);
}

/** A bridge's id tables: uploads (replace or merge) validated row by row, and reading them back. */
@Injectable()
export class MappingsService {
  constructor(
    private readonly bridges: BridgesService,
    private readonly apps: AppsService,
    private readonly transactor: Transactor,
  ) {}

  async upload(
    bridgeId: string,
    kind: MappingKind,
    body: unknown,
    mode: 'replace' | 'merge',
  ): Promise<MappingUploadReportDto> {
    const bridge = await this.bridges.find(bridgeId);
    const rows = uploadedRows(body);
    const [source, target] = await Promise.all([
      this.apps.resolve(bridge.sourceAppId),
      this.apps.resolve(bridge.targetAppId),
    ]);
    const { accepted, rejected } = validateRows(rows, {
      source: source.provider.capabilities.ids[kind],
      target: target.provider.capabilities.ids[kind],
      sourceVendor: source.provider.displayName,
      targetVendor: target.provider.displayName,
    });
    const conflicts = await this.transactor.transaction(async (m) => {
      const repo = m.getRepository(BridgeMappingEntity);
      let writable = accepted;
      let refused: RejectedRowDto[] = [];
      if (mode === 'replace') await repo.delete({ bridgeId, kind });
      else
        ({ writable, refused } = await this.mergeable(bridgeId, kind, accepted, (ids) => repo.findBy(ids)));
      if (mode === 'merge' && writable.length > 0)
        for (let i = 0; i < writable.length; i += INSERT_CHUNK) {
          const sources = writable.slice(i, i + INSERT_CHUNK).map((r) => r.source);
          await repo
            .createQueryBuilder()
            .delete()
            .where('bridge_id = :bridgeId AND kind = :kind AND source_id IN (:...sources)', {
              bridgeId,
              kind,
              sources,
            })
            .execute();
        }
      const now = nowIso();
      for (let i = 0; i < writable.length; i += INSERT_CHUNK)
        await repo.insert(
          writable.slice(i, i + INSERT_CHUNK).map((r) =>
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
      return refused;
    });
    const all = [...rejected, ...conflicts].sort((a, b) => a.row - b.row);
    const [count] = await this.transactor.query<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM bridge_mappings WHERE bridge_id = $1 AND kind = $2',
      [bridgeId, kind],
    );
    return {
      kind,
      mode,
      received: rows.length,
      accepted: rows.length - all.length,
      rejected: all,
      total: Number(count?.n ?? 0),
    };
  }

  /**
   * Merge: a row replaces the existing row of its source id; a target id already mapped from another
   * source is refused (the table must stay one to one, or replies could not find their way back).
   */
  private async mergeable(
    bridgeId: string,
    kind: MappingKind,
    rows: AcceptedRow[],
    find: (
      where: { bridgeId: string; kind: MappingKind; targetId: string }[],
    ) => Promise<BridgeMappingEntity[]>,
  ): Promise<{ writable: AcceptedRow[]; refused: RejectedRowDto[] }> {
    const taken = new Map<string, string>();
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const existing = await find(
        rows.slice(i, i + INSERT_CHUNK).map((r) => ({ bridgeId, kind, targetId: r.target })),
      );
      for (const e of existing) taken.set(e.targetId, e.sourceId);
    }
    const writable: AcceptedRow[] = [];
    const refused: RejectedRowDto[] = [];
    for (const r of rows) {
      const owner = taken.get(r.target);
      if (owner !== undefined && owner !== r.source)
        refused.push({
          row: r.row,
          source: r.source,
          target: r.target,
          reasons: [`target ${JSON.stringify(r.target)} is already mapped from ${JSON.stringify(owner)}`],
        });
      else writable.push(r);
    }
    return { writable, refused };
  }

  async list(
    bridgeId: string,
    kind: MappingKind,
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<MappingListResponseDto> {
    await this.bridges.find(bridgeId);
    const take = clampLimit(limit);
    const rows = await this.transactor.query<{
      id: string;
      source_id: string;
      target_id: string;
      created_at: string;
    }>(
      `SELECT id, source_id, target_id, created_at FROM bridge_mappings
       WHERE bridge_id = $1 AND kind = $2 AND id > $3 ORDER BY id LIMIT ${take + 1}`,
      [bridgeId, kind, cursor ?? ''],
    );
    const page: Page<MappingRowDto> = toPage(rows, take, (r) => ({
      source: r.source_id,
      target: r.target_id,
      createdAt: r.created_at,
    }));
    return page;
  }
}
