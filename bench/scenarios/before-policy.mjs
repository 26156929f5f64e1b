// Scenario `before-policy`: what an app's rules add to deciding a before-callback. The engine the callback
// path calls (`decideByRules`, built), in this process: no database, no HTTP, so the figure is the rules'
// own cost and not the noise of a whole request around it.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { round } from '../lib/load.mjs';
import { log } from '../lib/processes.mjs';
import { medianOf } from '../lib/report.mjs';
import { DBS, DURATION_MS, ROOT, WARMUP_MS, wants } from '../lib/settings.mjs';

export const selected = () => wants('before-policy');

const RULE_COUNT = 50;

const words = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/**
 * Fifty rules of the kinds a moderation policy holds, none of which matches the bench's messages, so every
 * decision walks all of them (the worst case): allow-lists of senders and conversations, keyword lists,
 * regular expressions (links, phone numbers, e-mail addresses, QQ numbers, runs of punctuation), size and
 * mention limits, content types, and masks.
 */
function realisticRules() {
  const rules = [];
  const add = (match, action) => rules.push({ id: `r${rules.length}`, match, action });
  for (let i = 0; i < 5; i++) add({ senders: words(`admin-${i}-`, 20) }, { type: 'allow' });
  for (let i = 0; i < 5; i++) add({ conversationIds: words(`vip-group-${i}-`, 20) }, { type: 'allow' });
  for (let i = 0; i < 10; i++)
    add(
      { text: { keywords: [...words(`forbidden${i}-`, 15), `违禁词${i}`, `敏感${i}号`] } },
      { type: 'deny' },
    );
  const patterns = [
    'https?://(?:[a-z0-9-]+\\.)+(?:xyz|top|click|loan)\\b',
    '\\b1[3-9]\\d{9}\\b',
    '[\\w.+-]+@[\\w-]+\\.(?:ru|cn)\\b',
    '(?:qq|QQ|扣扣)[:：\\s]*\\d{6,11}',
    '[!！?？.。]{6,}',
    '(?:加|\\+)\\s*(?:微|v|V)(?:信|x)?[:：\\s]*[a-zA-Z][-_a-zA-Z0-9]{5,19}',
    '\\b(?:bit\\.ly|t\\.cn|dwz\\.cn)/\\w+',
    '(?i)free\\s+(?:money|bitcoin|iphone)',
    '[\\x{1F4B0}\\x{1F4B5}]{3,}',
    '\\d{4}[- ]?\\d{4}[- ]?\\d{4}[- ]?\\d{4}',
  ];
  for (let i = 0; i < 15; i++) add({ text: { patterns: [patterns[i % patterns.length]] } }, { type: 'deny' });
  add({ size: { minBytes: 64 * 1024 } }, { type: 'deny', reason: 'too large' });
  add({ mentions: { all: true }, senders: words('member-', 10) }, { type: 'deny' });
  add({ mentions: { minCount: 20 } }, { type: 'deny' });
  add({ contentTypes: ['file'], conversationKinds: ['chatroom'] }, { type: 'deny' });
  add({ contentTypes: ['custom'], conversationKinds: ['direct'] }, { type: 'deny' });
  for (let i = 0; i < 5; i++)
    add(
      { text: { keywords: [`mask-me-${i}`] } },
      { type: 'modify', mask: { keywords: [`mask-me-${i}`], patterns: ['\\b1[3-9]\\d{9}\\b'] } },
    );
  while (rules.length < RULE_COUNT) add({ eventTypes: ['group.*'], senders: ['nobody'] }, { type: 'deny' });
  return rules;
}

const SENTENCES = [
  'see you at the meeting tomorrow, bring the slides',
  '今天下午三点开会，请准时参加，谢谢大家',
  'ok 👍',
  'The quick brown fox jumps over the lazy dog. '.repeat(6),
  '我们的新产品下周上线，欢迎大家试用并提出宝贵意见！'.repeat(3),
];

/** Group and direct text messages of 2 to ~300 characters, Latin and Chinese. */
function events(count) {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    type: 'message.send.requested',
    provider: 'easemob',
    appId: 'bench',
    occurredAt: '2026-01-01T00:00:00.000Z',
    receivedAt: '2026-01-01T00:00:00.000Z',
    dedupeKey: `d${i}`,
    conversation: { type: i % 3 ? 'group' : 'direct', id: `g${i % 50}` },
    actor: `user${i % 500}`,
    message: {
      id: `m${i}`,
      from: `user${i % 500}`,
      to: `g${i % 50}`,
      sentAt: '2026-01-01T00:00:00.000Z',
      contents: [{ type: 'text', text: `${SENTENCES[i % SENTENCES.length]} #${i}` }],
      ext: { em_ignore_notification: false, trace: `t${i}` },
      mentions: { all: false, users: i % 7 ? [] : [`user${(i + 1) % 500}`] },
    },
    data: {},
    raw: {},
  }));
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function measureOnce() {
  const engine = join(ROOT, 'apps/gateway/dist/before-policy/before-rules.engine.js');
  const { decideByRules } = await import(pathToFileURL(engine).href);
  const empty = { rules: [], decisionEndpoint: null, onError: 'allow' };
  const full = { rules: realisticRules(), decisionEndpoint: null, onError: 'allow' };
  const sample = events(2_000);
  for (const e of sample) if (decideByRules(full, e) !== null) throw new Error(`a rule matched ${e.id}`);
  // The same messages with a word the 45th rule masks: 44 rules walked, then a masked copy built.
  const masked = sample.map((e) => ({
    ...e,
    message: { ...e.message, contents: [{ type: 'text', text: `${e.message.contents[0].text} mask-me-4` }] },
  }));
  if (decideByRules(full, masked[0])?.decision.action !== 'modify')
    throw new Error('the mask rule did not match');

  // Baseline and measured alternate call by call, so the machine's drift reaches both alike.
  const base = [];
  const rules = [];
  const masking = [];
  const timed = (into, policy, e) => {
    const t = process.hrtime.bigint();
    decideByRules(policy, e);
    into?.push(Number(process.hrtime.bigint() - t) / 1e6);
  };
  let i = 0;
  const warmEnd = Date.now() + WARMUP_MS;
  while (Date.now() < warmEnd) {
    const n = i++ % sample.length;
    timed(null, empty, sample[n]);
    timed(null, full, sample[n]);
    timed(null, full, masked[n]);
  }
  const end = Date.now() + DURATION_MS;
  while (Date.now() < end) {
    const n = i++ % sample.length;
    timed(base, empty, sample[n]);
    timed(rules, full, sample[n]);
    timed(masking, full, masked[n]);
  }
  for (const list of [base, rules, masking]) list.sort((a, b) => a - b);
  return {
    decisions: rules.length,
    p50Ms: percentile(rules, 0.5),
    p99Ms: percentile(rules, 0.99),
    maskedP50Ms: percentile(masking, 0.5),
    maskedP99Ms: percentile(masking, 0.99),
    baselineP50Ms: percentile(base, 0.5),
    baselineP99Ms: percentile(base, 0.99),
  };
}

export async function measure(engine, _run, add, tag) {
  // No database in it: measured once per run, reported under the first engine.
  if (engine !== DBS[0]) return;
  log(`${tag}: before-policy (${RULE_COUNT} rules, in process)`);
  add('before-policy', await measureOnce());
}

export function summarize(samples, engine) {
  if (engine !== DBS[0] || !samples['before-policy']) return [];
  const med = (pick) => medianOf(samples, 'before-policy', pick);
  const p99 = med((r) => r.p99Ms);
  const baseP99 = med((r) => r.baselineP99Ms);
  return [
    {
      name: 'before-policy',
      db: 'none',
      rules: RULE_COUNT,
      decisions: med((r) => r.decisions),
      p50Ms: round(
        med((r) => r.p50Ms),
        4,
      ),
      p99Ms: round(p99, 4),
      baselineP50Ms: round(
        med((r) => r.baselineP50Ms),
        4,
      ),
      baselineP99Ms: round(baseP99, 4),
      addedP99Ms: round(p99 - baseP99, 4),
      maskedP50Ms: round(
        med((r) => r.maskedP50Ms),
        4,
      ),
      maskedP99Ms: round(
        med((r) => r.maskedP99Ms),
        4,
      ),
      addedMaskedP99Ms: round(med((r) => r.maskedP99Ms) - baseP99, 4),
      runs: samples['before-policy'].map((r) => round(r.p99Ms - r.baselineP99Ms, 4)),
      maskedRuns: samples['before-policy'].map((r) => round(r.maskedP99Ms - r.baselineP99Ms, 4)),
    },
  ];
}
