import {
  CapabilityUnsupportedError,
  OPTION_CAPABILITY_NAMES,
  SEND_TARGET_TYPES,
  type ProviderCapabilities,
  type SendableContent,
  type SendableContentType,
  type SendRequest,
  type SendTarget,
  type SendTargetType,
} from '@im-gateway/types';

/** A send that needs a capability the provider does not declare, and the capability it must be refused for. */
export interface UnsupportedSendCase {
  capability: string;
  request: SendRequest;
}

const TEXT: SendableContent = { type: 'text', text: 'x' };

/** Minimal contents for content types a provider cannot send at all (only their type matters). */
const MINIMAL: Record<SendableContentType, SendableContent> = {
  text: TEXT,
  image: { type: 'image', url: 'https://files.example.test/a.png' },
  audio: { type: 'audio', url: 'https://files.example.test/a.amr' },
  video: { type: 'video', url: 'https://files.example.test/a.mp4' },
  file: { type: 'file', url: 'https://files.example.test/a.txt' },
  location: { type: 'location', latitude: 1, longitude: 2 },
  command: { type: 'command', action: 'a' },
  custom: { type: 'custom' },
  face: { type: 'face', index: 1 },
};

/** A value of the right shape for any content field, so that only the capability check can refuse it. */
function sampleValue(field: string): unknown {
  if (field === 'variants') return [{ kind: 'original', url: 'https://files.example.test/a.png' }];
  if (field === 'fields') return { k: 'v' };
  return 'x';
}

const targetOf = (type: SendTargetType): SendTarget => ({ type, ids: [`${type}-1`] });

/**
 * Every send the declarations say the provider cannot carry, one per missing capability: each target kind,
 * content type and content field, each option on each target kind it is not declared for, and broadcast.
 * `contents`: one content per sendable type the provider accepts as is (the field cases extend them).
 */
export function unsupportedSendCases(
  capabilities: ProviderCapabilities,
  contents: Readonly<Partial<Record<SendableContentType, SendableContent>>>,
): UnsupportedSendCase[] {
  const { send } = capabilities;
  const cases: UnsupportedSendCase[] = [];
  const to = targetOf(send.targets[0] ?? 'user');
  const base = { from: 'sender-1', to };
  for (const type of SEND_TARGET_TYPES)
    if (!send.targets.includes(type))
      cases.push({ capability: `target.${type}`, request: { ...base, to: targetOf(type), content: TEXT } });
  for (const [type, minimal] of Object.entries(MINIMAL) as [SendableContentType, SendableContent][]) {
    if (!send.contents.includes(type)) {
      cases.push({ capability: `content.${type}`, request: { ...base, content: minimal } });
      continue;
    }
    for (const field of send.unsupportedContentFields[type] ?? []) {
      const content = { ...(contents[type] ?? minimal), [field]: sampleValue(field) } as SendableContent;
      cases.push({ capability: `content.${type}.${field}`, request: { ...base, content } });
    }
  }
  const values = { priority: 'high', recipients: ['member-1'], onlineOnly: true } as const;
  for (const name of OPTION_CAPABILITY_NAMES) {
    if (name === 'broadcast') {
      if (!send.options.broadcast)
        cases.push({
          capability: name,
          request: { ...base, to: { type: 'chatroom', all: true }, content: TEXT },
        });
      continue;
    }
    for (const type of send.targets) {
      const request = (options: SendRequest['options']) => ({
        ...base,
        to: targetOf(type),
        content: TEXT,
        options,
      });
      if (name === 'syncToSender') {
        if (!send.options.syncToSender.on.includes(type))
          cases.push({ capability: name, request: request({ syncToSender: true }) });
        if (!send.options.syncToSender.off.includes(type))
          cases.push({ capability: name, request: request({ syncToSender: false }) });
      } else if (!send.options[name].includes(type)) {
        cases.push({ capability: name, request: request({ [name]: values[name] }) });
      }
    }
  }
  return cases;
}

/** A readable name for a case, for test titles: `priority (user)`, `content.face`. */
export function describeSendCase(c: UnsupportedSendCase): string {
  const to = 'all' in c.request.to ? 'broadcast' : c.request.to.type;
  const option = c.request.options ? ` ${JSON.stringify(c.request.options)}` : '';
  return `${c.capability} (${to}${option})`;
}

/**
 * What `fn` did with a send: the capability its `CapabilityUnsupportedError` names, `'accepted'` when it
 * threw nothing, or any other error as thrown (so a spec's `toBe(capability)` shows it).
 */
export function refusedCapability(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error instanceof CapabilityUnsupportedError ? error.capability : error;
  }
  return 'accepted';
}

/**
 * Refuses a content field the vendor's messages cannot carry, as declared in
 * `capabilities.send.unsupportedContentFields`: the mapper's own check of the declaration the gateway
 * enforces first, so that a field is refused and never silently dropped.
 */
export function refuseUnsupportedContentFields(
  vendor: string,
  capabilities: ProviderCapabilities,
  content: SendableContent,
): void {
  for (const field of capabilities.send.unsupportedContentFields[content.type] ?? []) {
    if ((content as Record<string, unknown>)[field] !== undefined)
      throw new CapabilityUnsupportedError(
        `content.${content.type}.${field}`,
        `${vendor} messages cannot carry ${content.type} ${field}.`,
      );
  }
}
