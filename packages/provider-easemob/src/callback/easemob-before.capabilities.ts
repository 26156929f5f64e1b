import type { BeforeCallbackCapabilities, BeforeCommandSupport } from '@im-gateway/types';
import {
  EASEMOB_BODY_TYPES,
  EASEMOB_MESSAGE_CHAT_TYPES,
  type EasemobBodyType,
} from './easemob-callback.types.js';

/**
 * What a pre-send answer may change, per message type (easemob.md §4.2): by default `payload` may carry
 * only a text message's content and its ext (≤ 1 KB). Changing other types needs Easemob's sales team to
 * enable it, and a cmd message can never be changed, so those declare no modify. Every type can be stopped
 * with `valid: false`, and `code` is the error the sender's SDK shows (when the rule is set to report
 * errors; otherwise the sender sees Easemob's own text).
 */
function support(chatType: string, bodyType: EasemobBodyType): BeforeCommandSupport {
  return {
    vendorKind: `presend:${chatType}:${bodyType}`,
    eventType: 'message.send.requested',
    deny: true,
    denyReason: true,
    modify: bodyType === 'txt' ? ['text', 'ext'] : [],
  };
}

/**
 * Easemob's pre-send callbacks, one per kind the classifier names (`presend:<chat type>:<body type>`). Only
 * messages sent from a client SDK to a user, group or chat room are sent there (easemob.md §4.1).
 */
export const EASEMOB_BEFORE_CAPABILITIES: BeforeCallbackCapabilities = {
  // The console's default wait; the console lets an app raise it (the FAQ suggests e.g. 3000 ms).
  timeoutMs: 200,
  onTimeout:
    'The rule\'s "default policy on failure" applies: the message is passed or blocked as configured, ' +
    'and a blocked sender gets "custom internal error". Pre-send callbacks are never retried.',
  // The console sets the wait per rule, but Easemob documents no bounds for it. These are the gateway's:
  // below 100 ms no decision endpoint could answer past the store margin; above 10 s a sender waits
  // longer than any chat client would hold a message back (the FAQ's own suggestion is 3000 ms).
  configurableWait: { minMs: 100, maxMs: 10_000 },
  commands: EASEMOB_MESSAGE_CHAT_TYPES.flatMap((c) => EASEMOB_BODY_TYPES.map((b) => support(c, b))),
};
