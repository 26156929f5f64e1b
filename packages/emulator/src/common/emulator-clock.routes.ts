import type { FastifyInstance } from 'fastify';
import type { EmulatorClock } from './emulator-clock.js';
import { isObject, parseJson } from './http-helpers.js';

const USAGE = 'body must be { advanceMs: number ≥ 0 } or { now: epoch ms, not in the past }';

/** `GET` / `POST /_emulator/clock`: read the emulator's clock, or move it forward. */
export function registerEmulatorClockRoutes(server: FastifyInstance, clock: EmulatorClock): void {
  server.get('/_emulator/clock', async () => clock.state());
  server.post('/_emulator/clock', async (request, reply) => {
    const parsed = parseJson(request.body);
    const body = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
    const advanceMs = body?.['advanceMs'];
    const now = body?.['now'];
    if (!body || Object.keys(body).length !== 1) return reply.code(400).send({ error: USAGE });
    if (typeof advanceMs === 'number' && Number.isFinite(advanceMs) && advanceMs >= 0)
      clock.advance(advanceMs);
    else if (typeof now === 'number' && Number.isFinite(now) && now >= clock.now()) clock.set(now);
    else return reply.code(400).send({ error: USAGE });
    return clock.state();
  });
}
