import type { FastifyInstance } from 'fastify';
import { readCallbackFaultSpec, type CallbackFaults } from './callback-faults.js';
import { parseJson } from './http-helpers.js';

/** The control routes of the callback fault, the same on both emulators (see the README). */
export function registerCallbackFaultRoutes(server: FastifyInstance, faults: CallbackFaults): void {
  server.get('/_emulator/callback-faults', async () => ({ fault: faults.get() }));
  server.post('/_emulator/callback-faults', async (request, reply) => {
    const parsed = parseJson(request.body);
    const read = parsed.ok
      ? readCallbackFaultSpec(parsed.value)
      : { ok: false as const, error: 'body must be JSON: { dropRate?, seed?, paused?, kinds? }' };
    if (!read.ok) return reply.code(400).send({ error: read.error });
    return reply.code(201).send({ fault: faults.set(read.spec) });
  });
  server.delete('/_emulator/callback-faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });
  server.get('/_emulator/callbacks/dropped', async () => ({ dropped: faults.dropped() }));
}
