import type { EventType } from './event-types.js';

export const CONVERSATION_TYPES = ['direct', 'group', 'chatroom', 'thread'] as const;
export type ConversationType = (typeof CONVERSATION_TYPES)[number];

export interface Conversation {
  type: ConversationType;
  /** The peer user (direct, from the receiver's side: the other party), group, chat room or thread id. */
  id: string;
  /** For threads: the group the thread belongs to. */
  parentId?: string;
}

export interface ImageVariant {
  kind: 'original' | 'large' | 'thumbnail';
  url: string;
  width?: number;
  height?: number;
  size?: number;
}

export type MessageContent =
  | { type: 'text'; text: string }
  | {
      type: 'image';
      url: string;
      name?: string;
      width?: number;
      height?: number;
      size?: number;
      secret?: string;
      format?: string;
      variants?: ImageVariant[];
    }
  | { type: 'audio'; url: string; name?: string; durationSec?: number; size?: number; secret?: string }
  | {
      type: 'video';
      url: string;
      name?: string;
      durationSec?: number;
      size?: number;
      secret?: string;
      format?: string;
      thumbnailUrl?: string;
      thumbnailSecret?: string;
      width?: number;
      height?: number;
    }
  | { type: 'file'; url: string; name?: string; size?: number; secret?: string }
  | { type: 'location'; latitude: number; longitude: number; address?: string }
  | { type: 'command'; action: string }
  | {
      type: 'custom';
      event?: string;
      fields?: Record<string, string>;
      data?: string;
      description?: string;
      extension?: string;
      sound?: string;
    }
  | { type: 'face'; index: number; data?: string }
  | { type: 'unknown'; vendorType: string; raw: unknown };

export type MessageContentType = MessageContent['type'];

export const MESSAGE_CONTENT_TYPES = [
  'text',
  'image',
  'audio',
  'video',
  'file',
  'location',
  'command',
  'custom',
  'face',
  'unknown',
] as const satisfies readonly MessageContentType[];

export interface UnifiedMessage {
  /** The vendor's message id (Easemob msg_id; Tencent MsgKey, or `GroupId:MsgSeq` for groups). */
  id: string;
  from: string;
  /** User id, group id or chat-room id. */
  to: string;
  sentAt: string;
  /** Easemob bodies[] / Tencent MsgBody[], in order. */
  contents: MessageContent[];
  /** Easemob ext; Tencent CloudCustomData (parsed when it is a JSON object, else `{ cloudCustomData }`). */
  ext?: Record<string, unknown>;
  mentions?: { all: boolean; users: string[] };
  onlineOnly?: boolean;
  threadId?: string;
  topicId?: string;
}

/** A unified event as stored and published. See docs/event-model.md. */
export interface UnifiedEvent {
  /** Assigned by the gateway; time-sortable (UUIDv7). */
  id: string;
  type: EventType;
  provider: string;
  appId: string;
  /** ISO-8601 with milliseconds, from the vendor's own timestamp (the most precise one it sent). */
  occurredAt: string;
  /** ISO-8601 with milliseconds, when the gateway accepted the callback. */
  receivedAt: string;
  /** The same for every retry of the same vendor event; unique per app. */
  dedupeKey: string;
  conversation?: Conversation;
  /** The user who caused it (sender, operator), vendor decorations removed. */
  actor?: string;
  /** The users it was done to (kicked member, new admin, friend), when known. */
  subjects?: string[];
  message?: UnifiedMessage;
  /** Type-specific fields with no common home (reason, vendor operation name, ...). */
  data: Record<string, unknown>;
  /** The vendor's callback body exactly as received (parsed JSON). */
  raw: unknown;
}

/** What a provider's normalizer produces: the gateway adds id, appId, provider and receivedAt. */
export type UnifiedEventDraft = Omit<UnifiedEvent, 'id' | 'appId' | 'provider' | 'receivedAt'>;
