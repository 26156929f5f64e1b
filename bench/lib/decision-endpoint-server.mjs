// A decision endpoint in a process of its own: answers `{"action":"allow"}` after ENDPOINT_WORK_MS (its
// "own time", spent as a timer, like an endpoint waiting on its own store). It keeps, per request, the time
// from having the request's headers to having written the answer, and serves them at GET /own-times.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const WORK_MS = Number(process.env.ENDPOINT_WORK_MS ?? 0);
const ANSWER = '{"action":"allow"}';
let own = [];

const server = http.createServer((req, res) => {
  if (req.method === 'GET') {
    const body = JSON.stringify(own);
    own = [];
    return res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  }
  const started = performance.now();
  req.resume();
  req.on('end', () => {
    const answer = () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': ANSWER.length });
      res.end(ANSWER, () => own.push(performance.now() - started));
    };
    if (WORK_MS > 0) setTimeout(answer, WORK_MS);
    else answer();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/decide` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
