import { EVENT_TYPES } from './event-types.js';
import { CONVERSATION_TYPES, MESSAGE_CONTENT_TYPES, type MessageContentType } from './unified-event.js';

/** A JSON Schema (2020-12) document, as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

const ISO_MS = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
const str = (description: string): JsonSchema => ({ type: 'string', description });
const nonEmpty = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });
const num = (description: string): JsonSchema => ({ type: 'number', description });
const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
const timestamp = (description: string): JsonSchema => ({ type: 'string', pattern: ISO_MS, description });

const ATTACHMENT = {
  url: str('Where the file can be downloaded.'),
  name: str('The file name.'),
  size: num('Bytes.'),
  secret: str('The vendor token needed to download it, when it has one.'),
};

/** The fields of each content type; `type` is added as a constant, `required` lists the mandatory ones. */
const CONTENTS: Record<MessageContentType, { required: string[]; properties: Record<string, JsonSchema> }> = {
  text: { required: ['text'], properties: { text: str('The text.') } },
  image: {
    required: ['url'],
    properties: {
      ...ATTACHMENT,
      width: num('Pixels.'),
      height: num('Pixels.'),
      format: str('jpg, png, gif, bmp or other.'),
      variants: { type: 'array', items: ref('ImageVariant'), description: 'Sizes the vendor stores.' },
    },
  },
  audio: { required: ['url'], properties: { ...ATTACHMENT, durationSec: num('Seconds.') } },
  video: {
    required: ['url'],
    properties: {
      ...ATTACHMENT,
      durationSec: num('Seconds.'),
      format: str('The container, such as mp4.'),
      thumbnailUrl: str('A still image of the video.'),
      thumbnailSecret: str('The vendor token needed to download the still.'),
      width: num('Pixels.'),
      height: num('Pixels.'),
    },
  },
  file: { required: ['url'], properties: ATTACHMENT },
  location: {
    required: ['latitude', 'longitude'],
    properties: { latitude: num('Degrees.'), longitude: num('Degrees.'), address: str('For people.') },
  },
  command: { required: ['action'], properties: { action: str('What the receiving apps should do.') } },
  custom: {
    required: [],
    properties: {
      event: str('Easemob customEvent.'),
      fields: {
        type: 'object',
        additionalProperties: { type: 'string' },
        description: 'Easemob customExts.',
      },
      data: str('Tencent Data.'),
      description: str('Tencent Desc.'),
      extension: str('Tencent Ext.'),
      sound: str('Tencent Sound.'),
    },
  },
  face: { required: ['index'], properties: { index: num('The emoticon index.'), data: str('Extra data.') } },
  unknown: {
    required: ['vendorType', 'raw'],
    properties: { vendorType: str("The vendor's own message type."), raw: { description: 'As received.' } },
  },
};

const DRAFT_PROPERTIES: Record<string, JsonSchema> = {
  type: { type: 'string', enum: [...EVENT_TYPES], description: 'The unified event type.' },
  occurredAt: timestamp("ISO-8601 UTC with milliseconds, from the vendor's own timestamp."),
  dedupeKey: nonEmpty('The same for every retry of the same vendor event; unique per app.'),
  conversation: ref('Conversation'),
  actor: nonEmpty('The user who caused it.'),
  subjects: { type: 'array', items: nonEmpty('A user id.'), description: 'The users it was done to.' },
  message: ref('UnifiedMessage'),
  data: {
    type: 'object',
    description: 'Type-specific fields with no common home.',
    properties: {
      relay: {
        type: 'object',
        description:
          'Set by the gateway on an event a migration bridge caused (the relayed copy coming back): its origin.',
        required: ['bridgeId', 'relayId', 'originEventId', 'originProvider'],
        additionalProperties: false,
        properties: {
          bridgeId: nonEmpty('The bridge that relayed the message.'),
          relayId: nonEmpty('The relay (or dual-send) that sent the copy.'),
          originEventId: {
            type: ['string', 'null'],
            description: 'The event on the other side that was relayed; null for a dual-send.',
          },
          originProvider: nonEmpty("The original message's vendor."),
        },
      },
      decision: {
        type: 'object',
        description:
          "Set by the gateway on a before-callback's `.requested` event when the app has a before-policy: what the vendor was told, and where the decision came from (docs/before-callbacks.md).",
        required: ['action', 'source', 'tookMs'],
        additionalProperties: false,
        properties: {
          action: {
            type: 'string',
            enum: ['allow', 'deny', 'modify'],
            description: 'What the vendor was told.',
          },
          source: {
            type: 'string',
            enum: ['rule', 'endpoint', 'fallback', 'default'],
            description:
              "A rule, the decision endpoint, the app's onError (the endpoint failed, or decided what the command cannot do), or the default allow.",
          },
          ruleId: nonEmpty('The rule that decided, or whose action the command could not honour.'),
          reason: str("A deny's reason, shown to the sender where the vendor shows one."),
          message: {
            type: 'object',
            description: "A modify's message as it was delivered.",
            required: ['contents'],
            additionalProperties: false,
            properties: {
              contents: { type: 'array', items: ref('MessageContent'), description: 'The bodies, in order.' },
              ext: { type: ['object', 'null'], description: 'The ext delivered; null or absent: none.' },
            },
          },
          error: nonEmpty(
            'For fallback: timeout, unreachable, status_<code>, invalid_answer, unsupported_action or payload_too_large.',
          ),
          tookMs: { type: 'number', minimum: 0, description: 'Milliseconds the decision took.' },
        },
      },
    },
  },
  raw: { description: "The vendor's callback body exactly as received." },
};

/**
 * The JSON Schema of the unified event, built from `EVENT_TYPES`, `CONVERSATION_TYPES` and
 * `MESSAGE_CONTENT_TYPES` so that it cannot drift from them. The root is a published `UnifiedEvent`;
 * `$defs.UnifiedEventDraft` is what a provider's normalizer yields. Objects are closed
 * (`additionalProperties: false`) except `data`, `ext` and `raw`, which are open by design.
 */
export function buildUnifiedEventSchema(): JsonSchema {
  const contents = MESSAGE_CONTENT_TYPES.map((type) => ({
    type: 'object',
    required: ['type', ...CONTENTS[type].required],
    properties: { type: { const: type, description: 'The content type.' }, ...CONTENTS[type].properties },
    additionalProperties: false,
  }));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:im-gateway:schema:unified-event',
    title: 'UnifiedEvent',
    description: 'A unified im-gateway event, as the events API returns it and webhooks deliver it.',
    type: 'object',
    required: ['id', 'type', 'provider', 'appId', 'occurredAt', 'receivedAt', 'dedupeKey', 'data', 'raw'],
    properties: {
      id: nonEmpty('Assigned by the gateway; time-sortable (UUIDv7).'),
      provider: nonEmpty('The vendor: easemob, tencent, ...'),
      appId: nonEmpty('The gateway app the callback came in for.'),
      receivedAt: timestamp('ISO-8601 UTC with milliseconds, when the gateway accepted the callback.'),
      ...DRAFT_PROPERTIES,
    },
    additionalProperties: false,
    $defs: {
      UnifiedEventDraft: {
        description:
          "What a provider's normalizer yields: the event without id, appId, provider, receivedAt.",
        type: 'object',
        required: ['type', 'occurredAt', 'dedupeKey', 'data', 'raw'],
        properties: DRAFT_PROPERTIES,
        additionalProperties: false,
      },
      Conversation: {
        type: 'object',
        required: ['type', 'id'],
        properties: {
          type: { type: 'string', enum: [...CONVERSATION_TYPES], description: 'The conversation kind.' },
          id: nonEmpty('The peer user (direct), group, chat room or thread id.'),
          parentId: nonEmpty('For threads: the group the thread belongs to.'),
        },
        additionalProperties: false,
      },
      UnifiedMessage: {
        type: 'object',
        required: ['id', 'from', 'to', 'sentAt', 'contents'],
        properties: {
          id: nonEmpty("The vendor's message id."),
          from: nonEmpty('The sender.'),
          to: nonEmpty('User id, group id or chat-room id.'),
          sentAt: timestamp('ISO-8601 UTC with milliseconds.'),
          contents: { type: 'array', items: ref('MessageContent'), description: 'The bodies, in order.' },
          ext: { type: 'object', description: 'Extension data sent with the message.' },
          mentions: {
            type: 'object',
            required: ['all', 'users'],
            properties: {
              all: { type: 'boolean', description: 'Everyone was mentioned.' },
              users: { type: 'array', items: nonEmpty('A user id.'), description: 'Mentioned users.' },
            },
            additionalProperties: false,
            description: 'Who the message mentions.',
          },
          onlineOnly: { type: 'boolean', description: 'Delivered only to online recipients.' },
          threadId: nonEmpty('The thread it was sent in.'),
          topicId: nonEmpty('The community topic it was sent in.'),
        },
        additionalProperties: false,
      },
      MessageContent: {
        type: 'object',
        // OpenAPI's discriminator: validators that know it check only the branch `type` names.
        discriminator: { propertyName: 'type' },
        oneOf: contents,
        description: 'One message body, by `type`.',
      },
      ImageVariant: {
        type: 'object',
        required: ['kind', 'url'],
        properties: {
          kind: { type: 'string', enum: ['original', 'large', 'thumbnail'], description: 'Which size.' },
          url: str('Where it can be downloaded.'),
          width: num('Pixels.'),
          height: num('Pixels.'),
          size: num('Bytes.'),
        },
        additionalProperties: false,
      },
    },
  };
}
