import { readString } from '@im-gateway/provider-kit/callback';
import { accountsOf, compact, idOf } from './tencent-callback.fields.js';
import type { TencentCallbackInput, TencentEventPart } from './tencent-callback.types.js';
import { officialAccountMessage } from './tencent-message.builder.js';

/**
 * Official-account callbacks (OfficialAccount.*, S-oa). An official account is neither a user nor a group,
 * so events carry no conversation; the account id is `data.officialAccount`.
 */

type OfficialAccountType =
  | 'official_account.create.requested'
  | 'official_account.created'
  | 'official_account.updated'
  | 'official_account.destroyed'
  | 'official_account.subscriber.added'
  | 'official_account.subscriber.removed';

/** Lifecycle and subscription callbacks: subscribers (one or a list) are the subjects. */
export function normalizeOfficialAccount(type: OfficialAccountType) {
  return (input: TencentCallbackInput): TencentEventPart[] => {
    const { body } = input;
    const single = idOf(body, 'Subscriber_Account');
    const subscribers = [
      ...(single === undefined ? [] : [single]),
      ...accountsOf(
        body.SubscriberList ?? body.Subscriber_Account_List,
        'Subscriber_Account',
        'Member_Account',
      ),
    ];
    return [
      compact({
        type,
        actor: idOf(body, 'Operator_Account'),
        subjects: subscribers.length > 0 ? [...new Set(subscribers)] : undefined,
        data: compact({
          officialAccount: idOf(body, 'Official_Account'),
          officialAccountUserId: idOf(body, 'OfficialAccountUserID'),
          owner: idOf(body, 'Owner_Account'),
          name: readString(body.Name),
        }),
      }),
    ];
  };
}

/** OfficialAccount.CallbackBeforeSendMsg / AfterSendMsg: a broadcast to the account's subscribers. */
export function normalizeOfficialAccountMessage(type: 'message.send.requested' | 'message.sent') {
  return (input: TencentCallbackInput): TencentEventPart[] => {
    const { body } = input;
    const message = officialAccountMessage(body, input.occurredAt);
    return [
      compact({
        type,
        message,
        data: compact({ officialAccount: idOf(body, 'Official_Account') }),
      }),
    ];
  };
}
