import { describe, expect, it } from '@jest/globals';
import type {
  BeforeCallbackCapabilities,
  BeforeCommandSupport,
  CallbackReply,
  ImProvider,
  NormalizedCallback,
  ProviderCapabilities,
} from '@im-gateway/types';
import { renderCapabilityMatrix } from '../capability-matrix.js';
import { beforeChecks, beforeDeclarationProblems, conformanceModification } from './conformance.before.js';
import type { ConformanceSubject } from './conformance.types.js';

const SEND: BeforeCommandSupport = {
  vendorKind: 'Vendor.BeforeSend',
  eventType: 'message.send.requested',
  deny: true,
  denyReason: true,
  modify: ['text', 'ext'],
};
const ALLOW: CallbackReply = { status: 200, body: { verdict: 'allow' } };

/** A one-command vendor: its callback normalizes to a message; its replies are the decision's action. */
function provider(
  before: Partial<BeforeCallbackCapabilities> = {},
  decisionReply: ImProvider['decisionReply'] = (_n, _r, d) =>
    d.action === 'allow' ? ALLOW : { status: 200, body: { verdict: d.action } },
): ImProvider {
  const normalized: NormalizedCallback = {
    dedupeKey: 'k',
    vendorKind: 'Vendor.BeforeSend',
    reply: ALLOW,
    events: [
      {
        dedupeKey: 'k',
        type: 'message.send.requested',
        occurredAt: '2024-01-01T00:00:00.000Z',
        raw: {},
        data: {},
        message: {
          id: 'm',
          from: 'a',
          to: 'b',
          sentAt: '2024-01-01T00:00:00.000Z',
          contents: [
            { type: 'text', text: 'buy now' },
            { type: 'location', latitude: 1, longitude: 2 },
          ],
          ext: { k: 'v' },
        },
      },
    ],
  };
  return {
    capabilities: {
      before: {
        timeoutMs: 1000,
        onTimeout: 'The message is delivered.',
        configurableWait: null,
        commands: [SEND],
        ...before,
      },
    } as ProviderCapabilities,
    normalizeCallback: () => normalized,
    decisionReply,
  } as unknown as ImProvider;
}

const subject = (p: ImProvider): ConformanceSubject<Record<string, unknown>> =>
  ({
    provider: p,
    fixtures: [],
    context: () => ({ appId: 'a', config: {}, now: new Date(0) }),
    beforeCallback: (kind: string) =>
      kind === 'Vendor.BeforeSend'
        ? {
            request: { body: {}, rawBody: '{}', query: {}, headers: {} },
            context: { appId: 'a', config: {}, now: new Date(0) },
          }
        : undefined,
  }) as unknown as ConformanceSubject<Record<string, unknown>>;

async function run(p: ImProvider, name: string): Promise<void> {
  const check = beforeChecks(subject(p)).find((c) => c.name === name);
  if (!check) throw new Error(`no check ${name}`);
  await check.run();
}

describe('beforeDeclarationProblems', () => {
  it('finds nothing wrong with a sound declaration', () => {
    expect(beforeDeclarationProblems(provider())).toEqual([]);
  });

  it('accepts a configurable wait that holds the default', () => {
    expect(beforeDeclarationProblems(provider({ configurableWait: { minMs: 100, maxMs: 10_000 } }))).toEqual(
      [],
    );
  });

  it('asks no wait of a vendor without before-callbacks', () => {
    expect(beforeDeclarationProblems(provider({ timeoutMs: 0, commands: [] }))).toEqual([]);
  });

  it.each([
    ['a timeout that is not a positive integer', { timeoutMs: 0 }, /timeoutMs is 0/],
    ['a timeout that is not an integer', { timeoutMs: 1.5 }, /timeoutMs is 1.5/],
    ['an empty onTimeout', { onTimeout: ' ' }, /onTimeout is empty/],
    [
      'a configurable wait from high to low',
      { configurableWait: { minMs: 5000, maxMs: 3000 } },
      /configurableWait is 5000–3000 ms, not a range/,
    ],
    [
      'a configurable wait from zero',
      { configurableWait: { minMs: 0, maxMs: 3000 } },
      /configurableWait is 0–3000 ms, not a range/,
    ],
    [
      'a default wait outside the configurable one',
      { configurableWait: { minMs: 2000, maxMs: 3000 } },
      /timeoutMs 1000 is outside before.configurableWait 2000–3000 ms/,
    ],
    ['a command listed twice', { commands: [SEND, SEND] }, /lists Vendor.BeforeSend twice/],
    [
      'an event that is not a .requested one',
      { commands: [{ ...SEND, eventType: 'message.sent' as const }] },
      /eventType message.sent is not a .requested event/,
    ],
    [
      'a reason without deny',
      { commands: [{ ...SEND, deny: false }] },
      /Vendor.BeforeSend: denyReason without deny/,
    ],
    [
      'an unknown modifiable part',
      { commands: [{ ...SEND, modify: ['subject' as never] }] },
      /modify has "subject", not a ModifiablePart/,
    ],
  ])('finds %s', (_name, before, expected) => {
    expect(beforeDeclarationProblems(provider(before)).join('\n')).toMatch(expected);
  });
});

describe('beforeChecks', () => {
  it('passes a provider that answers every supported decision', async () => {
    const checks = beforeChecks(subject(provider()));
    expect(checks.map((c) => c.name)).toEqual([
      'before: declarations are well formed',
      'before: Vendor.BeforeSend',
    ]);
    for (const c of checks) await c.run();
  });

  it('fails a command with no callback to check it on', async () => {
    await expect(
      run(
        provider({ commands: [{ ...SEND, vendorKind: 'Vendor.BeforeOther' }] }),
        'before: Vendor.BeforeOther',
      ),
    ).rejects.toThrow('before: Vendor.BeforeOther: no fixture is of this kind');
  });

  it('fails a command declared with another event than the classifier gives', async () => {
    await expect(
      run(
        provider({ commands: [{ ...SEND, eventType: 'group.create.requested' }] }),
        'before: Vendor.BeforeSend',
      ),
    ).rejects.toThrow('declared as group.create.requested, normalized to message.send.requested');
  });

  it('fails a deny answered as allow', async () => {
    const lenient = provider({}, (_n, _r, d) => (d.action !== 'modify' ? ALLOW : { status: 200, body: d }));
    await expect(run(lenient, 'before: Vendor.BeforeSend')).rejects.toThrow('deny answers as allow');
  });

  it('fails a decision answered with another status than 200', async () => {
    const failing = provider({}, (_n, _r, d) =>
      d.action === 'allow' ? ALLOW : { status: d.action === 'modify' ? 500 : 200, body: d },
    );
    await expect(run(failing, 'before: Vendor.BeforeSend')).rejects.toThrow(
      'modify answers HTTP 500, not 200',
    );
  });
});

describe('conformanceModification', () => {
  it('masks the text, keeps other contents, and marks ext when ext may change', () => {
    const normalized = provider().normalizeCallback({} as never, {} as never);
    expect(conformanceModification(SEND, normalized)).toEqual({
      contents: [
        { type: 'text', text: '[masked by the conformance check]' },
        { type: 'location', latitude: 1, longitude: 2 },
      ],
      ext: { k: 'v', conformance: 'modified' },
    });
    expect(conformanceModification({ ...SEND, modify: ['text'] }, normalized).ext).toEqual({ k: 'v' });
  });
});

describe('capability matrix before-callback tables', () => {
  it('lists each command with what it honours, and says so for a vendor without any', () => {
    const withCommands = provider().capabilities;
    const without = provider({ commands: [] }).capabilities;
    const base = { send: { unsupportedContentFields: {} } } as unknown as ProviderCapabilities;
    const table = renderCapabilityMatrix([
      {
        name: 'a',
        displayName: 'A',
        capabilities: {
          ...fullCapabilities(base),
          before: withCommands.before,
        },
      },
      { name: 'b', displayName: 'B', capabilities: { ...fullCapabilities(base), before: without.before } },
    ]);
    expect(table).toContain('| before-callbacks answered within (ms) | 1000 | — |');
    expect(table).toContain("A waits 1000 ms for a before-callback's answer. The message is delivered.");
    expect(table).toContain('| `Vendor.BeforeSend` | `message.send.requested` | ✓ | ✓ | text, ext |');
    expect(table).toContain('B sends no before-callbacks.');
  });
});

/** The smallest capabilities the matrix renders. */
function fullCapabilities(base: ProviderCapabilities): ProviderCapabilities {
  return {
    ...base,
    conversations: [],
    send: {
      targets: [],
      contents: [],
      unsupportedContentFields: {},
      options: {
        priority: [],
        recipients: [],
        onlineOnly: [],
        syncToSender: { on: [], off: [] },
        broadcast: false,
      },
    },
    receive: { contents: [] },
    recall: { targets: [], broadcast: false },
    limits: { batchSizes: {}, maxTargetedRecipients: 1, maxMessageBytes: 1, rateLimits: [] },
    ids: {
      user: { maxBytes: 1, description: 'x' },
      group: { maxBytes: 1, description: 'x' },
      chatroom: { maxBytes: 1, description: 'x' },
    },
    before: { timeoutMs: 1, onTimeout: 'x', configurableWait: null, commands: [] },
  };
}
