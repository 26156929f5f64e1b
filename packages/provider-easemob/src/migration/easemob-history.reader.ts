import { gunzipSync } from 'node:zlib';
import {
  VendorRequestError,
  type HistoryMessage,
  type MigrationPage,
  type VendorCallContext,
} from '@im-gateway/types';
import { decodeMigrationCursor, encodeMigrationCursor } from '@im-gateway/provider-kit';
import { isRecord, readString } from '@im-gateway/provider-kit/callback';
import type { EasemobRestClient } from '../rest/easemob-rest.client.js';
import { EASEMOB_MIGRATION_APIS as API } from './easemob-migration.apis.js';
import { easemobExportRecords, fromEasemobHistoryRecord } from './easemob-history.mapper.js';

const HOUR = 3_600_000;
const BEIJING_OFFSET = 8 * HOUR;

/** The export's `yyyyMMddHH` of the hour starting at `start` (epoch ms) in the cluster's time zone. */
export function easemobExportHour(start: number, zone: 'utc' | 'beijing'): string {
  const d = new Date(start + (zone === 'beijing' ? BEIJING_OFFSET : 0));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}`;
}

/** The first hour boundary at or before `at`, in the cluster's time zone (both zones are whole hours). */
const hourOf = (at: number) => Math.floor(at / HOUR) * HOUR;

const GZIP = [0x1f, 0x8b];

/** The file's text: gzip in the older mirror's example (`…/2018112717.gz`), plain text read as is. */
function fileText(data: Buffer): string {
  return (data[0] === GZIP[0] && data[1] === GZIP[1] ? gunzipSync(data) : data).toString('utf8');
}

/** An hour Easemob has no file for (404 `storage_object_not_found`) or no longer keeps (400 "…expired…"). */
function noFile(error: unknown): boolean {
  if (!(error instanceof VendorRequestError)) return false;
  if (error.vendorCode === 'storage_object_not_found') return true;
  return error.vendorCode === 'illegal_argument' && /expired or unstored/.test(error.message);
}

/**
 * History through the chat history export (migration facts §2.11): one page per hour, oldest first. Each
 * page fetches that hour's signed file in the same call attempt as the export request, since the URL belongs
 * to that answer and a retry asks for a fresh one. Records outside `window` are dropped; duplicates are left
 * for the job to drop by `messageId` (Easemob says its export can repeat records).
 */
export class EasemobHistoryReader {
  constructor(
    private readonly client: EasemobRestClient,
    private readonly zone: 'utc' | 'beijing',
  ) {}

  async history(
    window: { from: number; to: number },
    cursor: string | null,
    ctx: VendorCallContext,
  ): Promise<MigrationPage<HistoryMessage>> {
    const hour = decodeMigrationCursor<{ h: number }>(cursor)?.h ?? hourOf(window.from);
    if (hour >= window.to) return { items: [], next: null };
    const time = easemobExportHour(hour, this.zone);
    let records: unknown[] = [];
    try {
      records = await ctx.call(API.export, 1, async (timeoutMs) => {
        const started = Date.now();
        const answer = await this.client.get(`/chatmessages/${time}`, timeoutMs);
        const data = Array.isArray(answer.body.data) ? answer.body.data : [];
        const out: unknown[] = [];
        for (const entry of data) {
          const url = isRecord(entry) ? readString(entry.url) : undefined;
          if (!url) continue;
          const left = Math.max(1, timeoutMs - (Date.now() - started));
          out.push(...easemobExportRecords(fileText(await this.client.download(url, left))));
        }
        return out;
      });
    } catch (error) {
      if (!noFile(error)) throw error;
    }
    const items = records
      .map(fromEasemobHistoryRecord)
      .filter((m): m is HistoryMessage => m !== null && m.sentAt >= window.from && m.sentAt < window.to);
    const nextHour = hour + HOUR;
    return { items, next: nextHour < window.to ? encodeMigrationCursor({ h: nextHour }) : null };
  }
}
