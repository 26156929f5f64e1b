import { Injectable } from '@nestjs/common';
import {
  MAPPING_KINDS,
  mapPage,
  MappingRepository,
  nowIso,
  type MappingKind,
  type MappingPair,
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
    private readonly mappings: MappingRepository,
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
    let conflicts: RejectedRowDto[] = [];
    await this.mappings.upload(bridgeId, kind, mode, accepted, nowIso(), async (holding) => {
      const { writable, refused } = await this.mergeable(accepted, holding);
      conflicts = refused;
      return writable;
    });
    const all = [...rejected, ...conflicts].sort((a, b) => a.row - b.row);
    const count = await this.mappings.count(bridgeId, kind);
    return {
      kind,
      mode,
      received: rows.length,
      accepted: rows.length - all.length,
      rejected: all,
      total: count,
    };
  }

  /**
   * Merge: a row replaces the existing row of its source id; a target id already mapped from another
   * source is refused (the table must stay one to one, or replies could not find their way back).
   */
  private async mergeable(
    rows: AcceptedRow[],
    holding: (targets: string[]) => Promise<MappingPair[]>,
  ): Promise<{ writable: AcceptedRow[]; refused: RejectedRowDto[] }> {
    const taken = new Map<string, string>();
    for (const e of await holding(rows.map((r) => r.target))) taken.set(e.target, e.source);
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
    const page: Page<MappingRowDto> = mapPage(
      await this.mappings.page(bridgeId, kind, cursor, limit),
      (r) => ({
        source: r.sourceId,
        target: r.targetId,
        createdAt: r.createdAt,
      }),
    );
    return page;
  }
}
