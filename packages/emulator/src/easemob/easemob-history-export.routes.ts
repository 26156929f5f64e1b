import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { easemobError } from './easemob-errors.js';
import { admit, illegalArgument, params, query } from './easemob-directory.helpers.js';
import { sendError, type EasemobContext } from './easemob.context.js';
import type { EasemobApp, EasemobHistoryRecord } from './easemob.types.js';

const HOUR = 3_600_000;
const BEIJING_OFFSET = 8 * HOUR;
// How long a download URL is valid (the older English mirror: 30 minutes).
const URL_TTL_SECONDS = 30 * 60;

/** `yyyyMMddHH` → the hour's start in epoch ms, in the export's time zone; null when not a real hour. */
export function exportHour(time: string, zone: 'utc' | 'beijing'): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(time);
  if (!m) return null;
  const [y, mo, d, h] = m.slice(1).map(Number) as [number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h);
  const check = new Date(utc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h) return null;
  return zone === 'beijing' ? utc - BEIJING_OFFSET : utc;
}

/** The records of one hour as the file holds them: gzip, one JSON record per line (see the README). */
export function exportFile(records: readonly EasemobHistoryRecord[]): Buffer {
  return gzipSync(records.map(({ source: _source, ...r }) => JSON.stringify(r)).join('\n') + '\n');
}

/**
 * The chat history export (migration facts §2.11): one call per hour, the last `historyWindowDays` days,
 * 10 calls/minute; the answer is a signed URL of a file the emulator serves itself.
 */
export function registerEasemobHistoryExportRoutes(server: FastifyInstance, ctx: EasemobContext): void {
  const windowDays = ctx.options.historyWindowDays ?? 3;
  const zone = ctx.options.exportTimeZone ?? 'utc';

  server.get('/:org/:app/chatmessages/:time', async (request, reply) => {
    const app = await admit(ctx, request, reply, 'chatmessages');
    if (!app) return;
    const time = params(request)['time'] ?? '';
    const start = exportHour(time, zone);
    const words = `illegal arguments: appkey: ${app.appKey}, time: ${time}`;
    if (start === null) return sendError(reply, illegalArgument(words));
    const now = ctx.now();
    if (start + HOUR <= now - windowDays * 24 * HOUR)
      return sendError(reply, illegalArgument(`${words}, maybe chat message history is expired or unstored`));
    const records = recordsOf(app, start, start + HOUR);
    if (records.length === 0)
      return sendError(
        reply,
        easemobError(
          404,
          'storage_object_not_found',
          `Failed to find chat message history download url for appkey: ${app.appKey}, time: ${time}`,
          'StorageObjectNotFoundException',
        ),
      );
    const signature = randomBytes(18).toString('base64url');
    const expires = Math.floor(Date.now() / 1000) + URL_TTL_SECONDS;
    ctx.exportFiles.set(signature, { body: exportFile(records), expiresAt: expires * 1000 });
    const host = `http://${request.headers.host ?? 'localhost'}`;
    const url = `${host}/_files/history/3D/${app.orgName}/${app.appName}/${time}.gz?Expires=${expires}&OSSAccessKeyId=emulator&Signature=${signature}`;
    return ctx.envelope(request, app, `/chatmessages/${time}`, [{ url }], 'get');
  });

  // The signed download itself (cloud storage in the real service: no bearer token, the signature is the key).
  server.get('/_files/history/3D/:org/:app/:file', async (request, reply) => {
    const signature = query(request)['Signature'] ?? '';
    const file = ctx.exportFiles.get(signature);
    if (!file || file.expiresAt < Date.now()) return reply.code(403).type('text/plain').send('AccessDenied');
    return reply.type('application/octet-stream').send(file.body);
  });
}

function recordsOf(app: EasemobApp, from: number, to: number): EasemobHistoryRecord[] {
  return app.history.filter((r) => r.timestamp >= from && r.timestamp < to);
}
