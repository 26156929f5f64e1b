// A small keep-alive HTTP/1.1 load generator: a fixed number of connections, each sending its next request
// as soon as the previous answer is in (closed loop), for a fixed duration after a warm-up.
// Hand-written instead of autocannon because every request needs a fresh body (unique callId / message id,
// its own MD5 or SHA-256 signature), and on a 2-core machine the generator must cost as little CPU as
// possible: raw sockets, no per-request objects beyond the body string, no extra dependency.
import net from 'node:net';
import { performance } from 'node:perf_hooks';

const CRLF2 = Buffer.from('\r\n\r\n');

/**
 * @param {object} o
 * @param {string} o.url base URL (http://127.0.0.1:port)
 * @param {number} o.connections
 * @param {number} o.warmupMs
 * @param {number} o.durationMs measured window
 * @param {number} [o.maxRequests] stop after this many requests
 * @param {number} [o.ratePerSec] open-loop cap over all connections (0 = as fast as answers come)
 * @param {(seq: number) => {method?: string, path: string, body?: string, headers?: Record<string,string>}} o.request
 * @param {(seq: number, status: number, startedAt: number, endedAt: number, body: string) => void} [o.onResponse]
 */
export async function runLoad(o) {
  const { hostname, port } = new URL(o.url);
  const latencies = [];
  const statuses = {};
  let seq = 0;
  let errors = 0;
  const t0 = performance.now();
  const measureFrom = t0 + o.warmupMs;
  const measureTo = measureFrom + o.durationMs;
  const interval = o.ratePerSec ? 1000 / o.ratePerSec : 0;
  let nextSlot = t0;
  let inWindow = 0;

  const one = () =>
    new Promise((resolve) => {
      const socket = net.connect({ host: hostname, port: Number(port), noDelay: true });
      let buf = Buffer.alloc(0);
      let startedAt = 0;
      let current = 0;
      let need = -1; // bytes of the whole response once the head is parsed
      let headLen = 0;
      let chunked = false;
      let status = 0;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        socket.destroy();
        resolve();
      };
      const send = () => {
        const now = performance.now();
        if (now >= measureTo || (o.maxRequests && seq >= o.maxRequests)) return finish();
        if (interval) {
          const slot = nextSlot;
          nextSlot = Math.max(nextSlot + interval, now - 50 * interval);
          if (slot > now) return void setTimeout(send0, slot - now);
        }
        send0();
      };
      const send0 = () => {
        if (performance.now() >= measureTo || (o.maxRequests && seq >= o.maxRequests)) return finish();
        current = seq++;
        const r = o.request(current);
        const body = r.body ?? '';
        const len = Buffer.byteLength(body);
        let head = `${r.method ?? 'POST'} ${r.path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\nconnection: keep-alive\r\n`;
        if (r.body !== undefined) head += `content-type: application/json\r\ncontent-length: ${len}\r\n`;
        for (const [k, v] of Object.entries(r.headers ?? {})) head += `${k}: ${v}\r\n`;
        startedAt = performance.now();
        socket.write(head + '\r\n' + body);
      };
      socket.on('connect', send);
      socket.on('data', (chunk) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        for (;;) {
          if (need < 0) {
            const end = buf.indexOf(CRLF2);
            if (end < 0) return;
            headLen = end + 4;
            const head = buf.toString('latin1', 0, end);
            status = Number(head.slice(9, 12));
            const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
            chunked = !cl && /\r\ntransfer-encoding:\s*chunked/i.test(head);
            need = cl ? headLen + Number(cl[1]) : chunked ? -2 : headLen;
          }
          if (need === -2) {
            const term = buf.indexOf('0\r\n\r\n', headLen);
            if (term < 0) return;
            need = term + 5;
          }
          if (buf.length < need) return;
          const endedAt = performance.now();
          const body = o.onResponse ? buf.toString('utf8', headLen, need) : '';
          buf = buf.subarray(need);
          need = -1;
          if (startedAt >= measureFrom && endedAt <= measureTo) {
            latencies.push(endedAt - startedAt);
            statuses[status] = (statuses[status] ?? 0) + 1;
            inWindow++;
          }
          o.onResponse?.(current, status, startedAt, endedAt, body);
          send();
        }
      });
      socket.on('error', () => {
        errors++;
        finish();
      });
      socket.on('close', finish);
    });

  await Promise.all(Array.from({ length: o.connections }, one));
  latencies.sort((a, b) => a - b);
  return {
    requests: inWindow,
    rps: inWindow / (o.durationMs / 1000),
    durationS: o.durationMs / 1000,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    statuses,
    errors,
    sent: seq,
    latencies,
  };
}

/** Several measured slices of one load as one result: requests over the summed windows, merged latencies. */
export function mergeLoads(results) {
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = results.reduce((n, r) => n + r.requests, 0);
  const seconds = results.reduce((n, r) => n + r.durationS, 0);
  const statuses = {};
  for (const r of results)
    for (const [status, n] of Object.entries(r.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  return {
    requests,
    rps: seconds > 0 ? requests / seconds : 0,
    durationS: seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    statuses,
    errors: results.reduce((n, r) => n + r.errors, 0),
    sent: results.reduce((n, r) => n + r.sent, 0),
    latencies,
  };
}

export function percentile(sorted, q) {
  if (sorted.length === 0) return null;
  return round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
}

export const round = (x, d = 2) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);
