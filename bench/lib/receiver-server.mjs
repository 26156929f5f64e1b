// The webhook receiver, in a process of its own: answers 200 at once (mode "ok") or holds every request
// without answering (mode "hold", to pause delivery). It records when each webhook arrived, keyed by the
// marker the callback carried, and reports over IPC.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const mode = process.env.RECEIVER_MODE ?? 'ok';
const MARKER = /bench-[0-9a-f]{8}-(\d+)-/;
let arrivals = []; // [seq, absolute ms]
let count = 0;
const held = new Set();

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const at = performance.timeOrigin + performance.now();
    count++;
    const m = MARKER.exec(Buffer.concat(chunks).toString('utf8'));
    if (m) arrivals.push(Number(m[1]), at);
    if (mode === 'hold') {
      held.add(res.socket);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' }).end('ok');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.RECEIVER_PORT ?? 0), '127.0.0.1', () => {
  process.send({ url: `http://127.0.0.1:${server.address().port}/hook` });
});
process.on('message', (msg) => {
  if (msg === 'report') {
    process.send({ count, arrivals });
  } else if (msg === 'reset') {
    arrivals = [];
    count = 0;
    process.send({ reset: true });
  } else if (msg === 'stop') {
    for (const s of held) s.destroy();
    server.closeAllConnections?.();
    server.close(() => process.exit(0));
  }
});
