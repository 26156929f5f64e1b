import { isRecord, readString } from '@im-gateway/provider-kit/callback';
import { accountsOf, compact, detailsOf, idOf } from './tencent-callback.fields.js';
import type { TencentCallbackInput, TencentEventPart } from './tencent-callback.types.js';

/** Online state (State.*) and account alerts (Alert.*, the daily group quota alarm). tencent.md §2, §2.1. */

/** `Info.Action` → unified type. `Disconnect` (connection dropped, heartbeat timeout) is in newer docs only. */
const STATE_TYPES: Readonly<Record<string, 'user.online' | 'user.offline'>> = {
  Login: 'user.online',
  Logout: 'user.offline',
  Disconnect: 'user.offline',
};

/**
 * State.StateChange: `Info{Action, To_Account, Reason}` plus `KickedDevice[{Platform}]` on a login that kicked
 * other devices. `data.reason` is the action in lower case (login / logout / disconnect) like the Easemob side;
 * the vendor's `Reason` (Register, Unregister, LinkClose, `TimeOut` (2023) or `Timeout` (2019)) is kept as
 * `data.vendorReason`. An unknown action is not guessed at: it becomes `provider.unknown`.
 */
export function normalizeStateChange(input: TencentCallbackInput): TencentEventPart[] {
  const info = isRecord(input.body.Info) ? input.body.Info : {};
  const action = readString(info.Action);
  const type = action === undefined ? undefined : STATE_TYPES[action];
  const user = idOf(info, 'To_Account');
  const kicked = accountsOf(input.body.KickedDevice, 'Platform');
  return [
    compact({
      type: type ?? ('provider.unknown' as const),
      actor: user,
      data: compact({
        vendorType: type === undefined ? input.command : undefined,
        action,
        reason: type === undefined ? undefined : action?.toLowerCase(),
        vendorReason: readString(info.Reason),
        kickedDevices: kicked.length > 0 ? kicked : undefined,
      }),
    }),
  ];
}

/** Alert.RequestOverLimit (a REST API passed 80 % of its QPS limit) and Group.CallbackOnDailyGroupQuotaAlarm. */
export function normalizeAlert(alert: 'request_over_limit' | 'daily_group_quota') {
  return (input: TencentCallbackInput): TencentEventPart[] => [
    { type: 'app.alert', data: { alert, details: detailsOf(input.body) } },
  ];
}
