import { refuse } from './tencent-errors.js';
import type { TencentApp, TencentGroup } from './tencent.types.js';

/** The group of `GroupId`: 10015 when malformed, 10010 when missing; AVChatRoom refused where documented. */
export function existingGroup(app: TencentApp, groupId: unknown, avChatRoom = true): TencentGroup {
  if (typeof groupId !== 'string' || groupId === '') refuse(10015, 'GroupId is invalid');
  const group = app.groups.get(groupId);
  if (!group) refuse(10010, `group ${groupId} does not exist or was dissolved`);
  if (!avChatRoom && group.type === 'AVChatRoom') refuse(10007, 'not supported for AVChatRoom');
  return group;
}
