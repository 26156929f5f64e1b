import { describe, expect, it } from '@jest/globals';
import { parseDecisionAnswer } from './decision-endpoint.answer.js';

describe('parseDecisionAnswer', () => {
  it.each([
    ['{"action":"allow"}', { action: 'allow' }],
    ['{"action":"deny"}', { action: 'deny' }],
    ['{"action":"deny","reason":"no links"}', { action: 'deny', reason: 'no links' }],
    [
      '{"action":"modify","message":{"contents":[{"type":"text","text":"***"}]}}',
      { action: 'modify', message: { contents: [{ type: 'text', text: '***' }] } },
    ],
    [
      '{"action":"modify","message":{"contents":[{"type":"image","url":"https://x.test/a.png"}],"ext":null}}',
      {
        action: 'modify',
        message: { contents: [{ type: 'image', url: 'https://x.test/a.png' }], ext: null },
      },
    ],
    [
      '{"action":"modify","message":{"contents":[{"type":"text","text":"hi"}],"ext":{"k":1}}}',
      { action: 'modify', message: { contents: [{ type: 'text', text: 'hi' }], ext: { k: 1 } } },
    ],
  ])('reads %s', (text, decision) => {
    expect(parseDecisionAnswer(text)).toEqual({ decision });
  });

  it.each([
    ['not json', 'not JSON'],
    ['[]', 'not a JSON object'],
    ['"allow"', 'not a JSON object'],
    ['{}', 'action must be allow, deny or modify'],
    ['{"action":"block"}', 'action must be allow, deny or modify'],
    ['{"action":"allow","why":"x"}', 'unknown field why'],
    ['{"action":"deny","reason":42}', 'reason must be a string'],
    ['{"action":"modify"}', 'modify needs a message object'],
    ['{"action":"modify","message":{"contents":[]}}', 'non-empty array'],
    [
      '{"action":"modify","message":{"contents":[{"type":"text","text":"a"}],"ext":[1]}}',
      'ext must be an object or null',
    ],
    ['{"action":"modify","message":{"contents":[{"type":"text"}]}}', 'message/contents/0/text is required'],
    [
      '{"action":"modify","message":{"contents":[{"type":"text","text":"a","font":"x"}]}}',
      'font is not allowed',
    ],
    ['{"action":"modify","message":{"contents":[{"type":"hologram"}]}}', 'not a sendable type'],
    [
      '{"action":"modify","message":{"contents":[{"type":"unknown","vendorType":"x","raw":1}]}}',
      'not a sendable type',
    ],
    [
      '{"action":"modify","message":{"contents":[{"type":"text","text":"a"}],"to":"u9"}}',
      'unknown field message.to',
    ],
  ])('refuses %s', (text, problem) => {
    const parsed = parseDecisionAnswer(text);
    expect('problem' in parsed && parsed.problem).toContain(problem);
  });
});
