import type { CallbackRequest, NormalizedCallback, UnifiedEventDraft } from '@im-gateway/types';
import { hashJson, isoFromSeconds, readNumber } from '@im-gateway/provider-kit/callback';
import { compact, idOf, vendorTimeIso } from './tencent-callback.fields.js';
import { classifyTencentCallback } from './tencent-callback.classifier.js';
import type {
  TencentCallbackContext,
  TencentCallbackInput,
  TencentCommandSpec,
  TencentEventPart,
} from './tencent-callback.types.js';
import { readTencentEnvelope } from './tencent-callback.verifier.js';
import { groupMessageId } from './tencent-message.builder.js';

/**
 * Turns a verified Tencent callback into unified event drafts. Pure: the same request and context always give
 * the same result. Throws only `CallbackRejectedError` (`callback_malformed`, for a missing command or a body
 * that is not a JSON object); any other body yields at least one event, `provider.unknown` when the command
 * is not in the catalogue.
 */
export function normalizeTencentCallback(
  request: CallbackRequest,
  context: TencentCallbackContext,
): NormalizedCallback {
  const { command, body } = readTencentEnvelope(request);
  const spec = classifyTencentCallback(command);
  const input: TencentCallbackInput = {
    command,
    body,
    query: request.query,
    occurredAt: callbackTime(request, body, context.now),
  };
  const parts = spec === undefined ? [unknownPart(command)] : spec.normalize(input);
  const dedupeKey = `${command}:${callbackIdentity(body, spec)}`;
  const queryData = compact({
    clientIp: nonEmpty(request.query.ClientIP),
    optPlatform: nonEmpty(request.query.OptPlatform),
  });
  const events = (parts.length > 0 ? parts : [unknownPart(command)]).map(
    (part, i, all): UnifiedEventDraft => ({
      ...part,
      occurredAt: part.occurredAt ?? input.occurredAt,
      dedupeKey: all.length === 1 ? dedupeKey : `${dedupeKey}#${i + 1}`,
      data: { ...part.data, ...queryData },
      raw: body,
    }),
  );
  return compact({ dedupeKey, vendorKind: command, events, reply: spec?.allow?.(body) });
}

/**
 * `occurredAt`: the vendor's own time, preferring EventTime (ms, number or string) over MsgTime (s); callbacks
 * without either (Sns, C2C read report, ...) fall back to RequestTime (s, signed callbacks only), then the clock.
 */
function callbackTime(request: CallbackRequest, body: Record<string, unknown>, now: Date): string {
  return vendorTimeIso(body) ?? isoFromSeconds(readNumber(request.query.RequestTime)) ?? now.toISOString();
}

/**
 * Tencent sends no callback id, so identity is the command plus the vendor's message identity when the
 * callback fires once per message (`MsgKey`, or `GroupId:MsgSeq` — topic-qualified), otherwise a hash of the
 * canonical body, which is the same on every retry of the same callback.
 */
function callbackIdentity(body: Record<string, unknown>, spec: TencentCommandSpec | undefined): string {
  if (spec?.dedupe === 'message') {
    const msgKey = idOf(body, 'MsgKey');
    if (msgKey !== undefined) return msgKey;
    if (idOf(body, 'MsgSeq') !== undefined) {
      const groupKey = groupMessageId(body);
      if (groupKey !== undefined) return groupKey;
    }
  }
  return hashJson(body);
}

function unknownPart(command: string): TencentEventPart {
  return { type: 'provider.unknown', data: { vendorType: command } };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
