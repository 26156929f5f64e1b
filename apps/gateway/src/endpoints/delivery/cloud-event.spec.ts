import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { UnifiedEvent } from '@im-gateway/types';
import { toCloudEvent } from './cloud-event.js';

const event: UnifiedEvent = {
  id: '01900000-0000-7000-8000-000000000001',
  type: 'message.sent',
  provider: 'tencent',
  appId: 'app1',
  occurredAt: '2024-01-01T00:00:00.123Z',
  receivedAt: '2024-01-01T00:00:00.200Z',
  dedupeKey: 'k',
  conversation: { type: 'group', id: 'g1' },
  actor: 'u1',
  data: { clientIp: '1.2.3.4' },
  raw: { a: 1 },
};

describe('toCloudEvent', () => {
  it('puts the envelope in CloudEvents attributes and the rest in data', () => {
    expect(toCloudEvent(event)).toEqual({
      specversion: '1.0',
      id: event.id,
      source: '/apps/app1',
      type: 'message.sent',
      subject: 'group/g1',
      time: '2024-01-01T00:00:00.123Z',
      datacontenttype: 'application/json',
      improvider: 'tencent',
      data: {
        receivedAt: event.receivedAt,
        dedupeKey: 'k',
        conversation: { type: 'group', id: 'g1' },
        actor: 'u1',
        data: { clientIp: '1.2.3.4' },
        raw: { a: 1 },
      },
    });
  });

  it('has no subject when the event has no conversation', () => {
    const { conversation: _c, ...rest } = event;
    expect(toCloudEvent(rest)).not.toHaveProperty('subject');
  });
});

// docs/webhooks.md states the layout once, as a table from unified-event field to CloudEvent path, and names
// other paths (`data.data.relay`) in prose: each must be where a receiver finds it.
describe('the CloudEvent layout in docs/webhooks.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../../../../docs/webhooks.md'), 'utf8');
  const relayed: UnifiedEvent = {
    ...event,
    message: { id: 'm1', from: 'u1', to: 'g1', sentAt: event.occurredAt, contents: [] },
    data: {
      relay: { bridgeId: 'b1', relayId: 'r1', originEventId: 'e0', originProvider: 'easemob' },
    },
  };
  const cloudEvent = toCloudEvent(relayed);
  const at = (root: unknown, path: string): unknown =>
    path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], root);

  it('maps each unified-event field to where the CloudEvent carries it', () => {
    const section = doc.slice(
      doc.indexOf('## The CloudEvent layout'),
      doc.indexOf('\n## ', doc.indexOf('## The CloudEvent layout') + 1),
    );
    const rows = [...section.matchAll(/^\| `([\w.]+)`\s*\| `([\w.]+)`/gm)];
    expect(rows.map((r) => r[1])).toEqual(
      expect.arrayContaining(['id', 'type', 'occurredAt', 'appId', 'provider', 'data.relay']),
    );
    for (const [, unified, path] of rows) {
      const expected = unified === 'appId' ? `/apps/${relayed.appId}` : at(relayed, unified!);
      expect(expected).toBeDefined();
      expect({ path, value: at(cloudEvent, path!) }).toEqual({ path, value: expected });
    }
  });

  it('names only CloudEvent paths that a relayed event has', () => {
    // The mapping table's left column holds unified-event paths; everywhere else, `data.…` is in the body.
    const prose = doc
      .split('\n')
      .filter((line) => !/^\| `[\w.]+`\s*\| `/.test(line))
      .join('\n');
    const paths = [...prose.matchAll(/`(data\.[\w.]+)`/g)].map((m) => m[1]!);
    expect(paths).toContain('data.data.relay');
    for (const path of paths)
      expect({ path, found: at(cloudEvent, path) !== undefined }).toEqual({ path, found: true });
  });
});
