import { isRecord, readString } from '@im-gateway/provider-kit/callback';
import type { EventType } from '@im-gateway/types';
import { accountsOf, compact, idOf, keyValueMap, numberOf, recordsOf } from './tencent-callback.fields.js';
import type { TencentCallbackInput, TencentEventPart } from './tencent-callback.types.js';

/**
 * Relationship (Sns.*), follow (Follow.*) and profile (Profile.*) callbacks. A callback about several users is
 * one event: `subjects` lists the other sides, `actor` is the one user who acted when the body names one.
 */

function relationEvent(
  type: EventType,
  actor: string | undefined,
  subjects: string[],
  data: Record<string, unknown>,
): TencentEventPart {
  return compact({ type, actor, subjects: subjects.length > 0 ? subjects : undefined, data: compact(data) });
}

/** The single value every item shares, or undefined when they differ or none is set. */
function shared(values: (string | undefined)[]): string | undefined {
  const set = new Set(values.filter((v) => v !== undefined));
  return set.size === 1 ? [...set][0] : undefined;
}

/**
 * `PairList[{From_Account, To_Account, Initiator_Account?}]` (FriendAdd/Delete, BlackListAdd/Delete, §2.1).
 * Pairs are kept whole in `data.pairs`; the actor is the common From_Account.
 */
export function normalizeSnsPairs(
  type: 'contact.added' | 'contact.removed' | 'contact.blocked' | 'contact.unblocked',
) {
  return (input: TencentCallbackInput): TencentEventPart[] => {
    const { body } = input;
    const pairs = recordsOf(body, 'PairList').map((p) =>
      compact({
        from: idOf(p, 'From_Account'),
        to: idOf(p, 'To_Account'),
        initiator: idOf(p, 'Initiator_Account'),
      }),
    );
    const subjects = [...new Set(pairs.flatMap((p) => (p.to === undefined ? [] : [p.to])))];
    return [
      relationEvent(type, shared(pairs.map((p) => p.from)), subjects, {
        pairs,
        // FriendAdd only: friend_add/FriendAdd = request, friend_response/FriendResponse = acceptance.
        clientCmd: readString(body.ClientCmd),
        adminAccount: idOf(body, 'Admin_Account'),
        forceFlag: numberOf(body, 'ForceFlag'),
      }),
    ];
  };
}

/** The items of a friend pre-callback (`FriendItem` / `ResponseFriendItem`), kept as sent. */
export function snsPrevItems(body: Record<string, unknown>): Record<string, unknown>[] {
  return recordsOf(body, 'FriendItem', 'ResponseFriendItem');
}

/** Sns.CallbackPrevFriendAdd / PrevFriendResponse: `From_Account` adds or answers `FriendItem[].To_Account`. */
export function normalizeSnsPrev(type: 'contact.requested' | 'contact.response.requested') {
  return (input: TencentCallbackInput): TencentEventPart[] => {
    const { body } = input;
    const items = snsPrevItems(body);
    return [
      relationEvent(type, idOf(body, 'From_Account'), accountsOf(items, 'To_Account'), {
        requester: idOf(body, 'Requester_Account'),
        addType: readString(body.AddType),
        forceAddFlags: numberOf(body, 'ForceAddFlags'),
        items,
      }),
    ];
  };
}

/**
 * Follow.CallbackAfterFollowAdd / …FollowDelete. The two pages use two shapes (§1.6): `FollowList:[{To_Account}]`
 * for add and `To_Account:[string]` for delete; both are read for both.
 */
export function normalizeFollow(type: 'follow.added' | 'follow.removed') {
  return (input: TencentCallbackInput): TencentEventPart[] => {
    const { body } = input;
    const targets = [
      ...accountsOf(body.FollowList, 'To_Account'),
      ...(Array.isArray(body.To_Account) ? accountsOf(body.To_Account, 'To_Account') : []),
      ...(typeof body.To_Account === 'string' && body.To_Account !== '' ? [body.To_Account] : []),
    ];
    return [relationEvent(type, idOf(body, 'From_Account'), [...new Set(targets)], {})];
  };
}

/** Profile.CallbackPortraitSet: `ProfileItem[{Tag, Value}]` as `data.profile` (tag → value). */
export function normalizeProfileSet(input: TencentCallbackInput): TencentEventPart[] {
  const { body } = input;
  const owner = idOf(body, 'From_Account');
  const items = Array.isArray(body.ProfileItem) ? body.ProfileItem.filter(isRecord) : [];
  return [
    relationEvent('user.profile.updated', idOf(body, 'Operator_Account') ?? owner, owner ? [owner] : [], {
      profile: keyValueMap(items, ['Tag'], ['Value']),
    }),
  ];
}
