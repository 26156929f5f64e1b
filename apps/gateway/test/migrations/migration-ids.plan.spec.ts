import { describe, expect, it } from '@jest/globals';
import type { UserMappingRule } from '@im-gateway/persistence';
import type { HistoryMessage } from '@im-gateway/types';
import { mapUserIdByRule } from '../../src/bridges/mappings/user-id.rule.js';
import { LOWER, SHORT } from '../support/migration-plan.fixtures.js';
import { mapItemIds, type IdLookup } from '../../src/migrations/migration-ids.plan.js';

const rules = { user: LOWER, group: SHORT, chatroom: SHORT };

/** The bridge's lookups as the runner builds them: the table first, then (users) the rule. */
function lookup(
  rule: UserMappingRule,
  tables: { user?: Record<string, string>; group?: Record<string, string> } = {},
): IdLookup {
  return {
    user: async (id) => tables.user?.[id] ?? mapUserIdByRule(rule, id, 'forward'),
    conversation: async (kind, id) => (kind === 'group' ? (tables.group?.[id] ?? null) : null),
  };
}

const affix: UserMappingRule = {
  type: 'affix',
  source: { prefix: 'tc_', suffix: '' },
  target: { prefix: 'em_', suffix: '' },
};

describe('mapItemIds', () => {
  it('maps users by the bridge rule and checks them against the target id rule', async () => {
    expect(
      await mapItemIds('contacts', { owner: 'tc_alice', friend: 'tc_bob' }, lookup(affix), rules, 'Easemob'),
    ).toEqual({
      ok: true,
      item: { owner: 'em_alice', friend: 'em_bob' },
    });
  });

  it('fails an id the target refuses with id_refused, naming the id, the problem and the rule', async () => {
    const result = await mapItemIds('accounts', { userId: 'tc_Alice' }, lookup(affix), rules, 'Easemob');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'id_refused',
        message:
          'Easemob refuses user id tc_Alice (mapped to em_Alice): it must match a-z, 0-9, _ - . (lower case); rule: a-z, 0-9, _ - . (lower case). Upload a mapping for it, then retry.',
      },
    });
  });

  it('lets an uploaded row fix a refused id (a retry maps again)', async () => {
    const fixed = lookup(affix, { user: { tc_Alice: 'em_alice2' } });
    expect(await mapItemIds('accounts', { userId: 'tc_Alice' }, fixed, rules, 'Easemob')).toEqual({
      ok: true,
      item: { userId: 'em_alice2' },
    });
  });

  it('fails an id no rule maps (table rule) with mapping_missing', async () => {
    const result = await mapItemIds(
      'profiles',
      { userId: 'alice', profile: {} },
      lookup({ type: 'table' }),
      rules,
      'Easemob',
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'mapping_missing' } });
  });

  it('maps a member to the target group from the group table, and fails without it', async () => {
    const member = { groupId: '@TGS#1', userId: 'alice', role: 'member' };
    const same: UserMappingRule = { type: 'same' };
    expect(
      await mapItemIds('members', member, lookup(same, { group: { '@TGS#1': '1001' } }), rules, 'E'),
    ).toEqual({
      ok: true,
      item: { ...member, groupId: '1001' },
    });
    expect(await mapItemIds('members', member, lookup(same), rules, 'E')).toMatchObject({
      ok: false,
      error: { code: 'mapping_missing', message: expect.stringContaining('group @TGS#1') },
    });
  });

  it("maps a message's sender, receiver and conversation, keeping its source id", async () => {
    const direct: HistoryMessage = {
      messageId: '1_2_3',
      conversation: { type: 'direct', id: 'tc_bob' },
      from: 'tc_alice',
      to: 'tc_bob',
      sentAt: 0,
      contents: [{ type: 'text', text: 'x' }],
    };
    expect(await mapItemIds('history', direct, lookup(affix), rules, 'E')).toEqual({
      ok: true,
      item: { ...direct, from: 'em_alice', to: 'em_bob', conversation: { type: 'direct', id: 'em_bob' } },
    });
    const group = { ...direct, to: '@TGS#1', conversation: { type: 'group' as const, id: '@TGS#1' } };
    expect(
      await mapItemIds('history', group, lookup(affix, { group: { '@TGS#1': '1001' } }), rules, 'E'),
    ).toEqual({
      ok: true,
      item: { ...group, from: 'em_alice', to: '1001', conversation: { type: 'group', id: '1001' } },
    });
  });

  it('keeps a group its own id (the vendor may assign one) and maps its owner', async () => {
    const group = { groupId: '@TGS#1', name: 'x', owner: 'tc_alice', public: true, createdAt: 0 };
    expect(await mapItemIds('groups', group, lookup(affix), rules, 'E')).toEqual({
      ok: true,
      item: { ...group, owner: 'em_alice' },
    });
  });
});
