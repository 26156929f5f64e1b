import type { MessageContent, ProviderCapabilities, SendableContent } from '@im-gateway/types';

/**
 * A content as the target can send it, with the fields it had that the target has no place for (named
 * `type.field`, so that the relay can say what its copy lacks), or why it cannot be sent at all.
 */
export type RelayedContent = { content: SendableContent; dropped: string[] } | { skip: string };

const lastPathSegment = (url: string): string | undefined => {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || undefined;
  } catch {
    return undefined;
  }
};
const extensionOf = (url: string): string | undefined =>
  /\.(\w{2,5})$/.exec(lastPathSegment(url) ?? '')?.[1]?.toLowerCase();

/**
 * Fields some vendor requires that the other vendor's callbacks may not carry (Tencent wants sizes,
 * durations and dimensions for media; Easemob callbacks leave some out). The relay sends a neutral value
 * rather than lose the message: 0 for an unknown number, the name and format read off the URL.
 */
function withMediaDefaults(content: SendableContent): SendableContent {
  switch (content.type) {
    case 'image':
      return {
        ...content,
        width: content.width ?? 0,
        height: content.height ?? 0,
        ...(content.variants
          ? { variants: content.variants.map((v) => ({ ...v, width: v.width ?? 0, height: v.height ?? 0 })) }
          : {}),
      };
    case 'audio':
      return { ...content, size: content.size ?? 0, durationSec: content.durationSec ?? 0 };
    case 'video':
      return {
        ...content,
        size: content.size ?? 0,
        durationSec: content.durationSec ?? 0,
        format: content.format ?? extensionOf(content.url) ?? 'mp4',
        width: content.width ?? 0,
        height: content.height ?? 0,
      };
    case 'file':
      return {
        ...content,
        size: content.size ?? 0,
        name: content.name ?? lastPathSegment(content.url) ?? 'file',
      };
    default:
      return content;
  }
}

/**
 * Custom messages are shaped differently by each vendor: Easemob's are an event name with string fields,
 * Tencent's a data string with description and extension. What the target cannot hold is carried in what
 * it can, so nothing of the message is lost: Easemob → Tencent puts `{event, fields}` as JSON in `data`
 * (and the event as `description`); Tencent → Easemob puts `data`, `description`, `extension` and `sound`
 * into `fields`.
 */
function customFor(
  content: Extract<SendableContent, { type: 'custom' }>,
  unsupported: readonly string[],
): SendableContent {
  const drops = (f: string) => unsupported.includes(f);
  const out: Record<string, unknown> = { ...content };
  if (drops('event') || drops('fields')) {
    const carried = { event: content.event, fields: content.fields };
    if (content.event !== undefined || content.fields !== undefined) {
      out.data ??= JSON.stringify(carried);
      if (content.event !== undefined) out.description ??= content.event;
    }
    delete out.event;
    delete out.fields;
  }
  if (drops('data') || drops('description') || drops('extension') || drops('sound')) {
    const fields: Record<string, string> = { ...(content.fields ?? {}) };
    for (const key of ['data', 'description', 'extension', 'sound'] as const) {
      const value = content[key];
      if (value !== undefined) fields[key] = typeof value === 'string' ? value : JSON.stringify(value);
      delete out[key];
    }
    if (Object.keys(fields).length > 0) out.fields = fields;
  }
  return out as SendableContent;
}

/**
 * One content of a source message as the target vendor can send it, or why it cannot be: the target has no
 * such message type, or the content is one the gateway could not read. Fields the target has no place for
 * (an Easemob download `secret`, Tencent image `variants`) are dropped and listed in `dropped`, which the
 * relay records in its `reason`; the original stays in the source.
 */
export function relayedContent(
  content: MessageContent,
  target: ProviderCapabilities,
  targetName: string,
): RelayedContent {
  if (content.type === 'unknown') return { skip: 'the source message holds content the gateway cannot read' };
  if (!target.send.contents.includes(content.type))
    return { skip: `${targetName} cannot send ${content.type} messages` };
  // Tencent SDK 2.x/3.x sound and file elements carry a UUID and no Url, so the callback's content has an
  // empty url: a copy would be an attachment nobody can open, so none is sent and the relay says why.
  if ('url' in content && content.url === '')
    return { skip: `the ${content.type} has no download URL in the source message` };
  const unsupported = target.send.unsupportedContentFields[content.type] ?? [];
  const shaped = content.type === 'custom' ? customFor(content, unsupported) : withMediaDefaults(content);
  const drop = (field: string) => content.type !== 'custom' && unsupported.includes(field);
  const kept = Object.fromEntries(
    Object.entries(shaped).filter(([field, value]) => value !== undefined && !drop(field)),
  );
  const dropped = Object.entries(shaped)
    .filter(([field, value]) => value !== undefined && drop(field))
    .map(([field]) => `${content.type}.${field}`);
  return { content: kept as SendableContent, dropped };
}
