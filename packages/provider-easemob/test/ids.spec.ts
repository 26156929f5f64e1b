import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { goldenIds, loadConformanceFixtures } from '@im-gateway/provider-kit/conformance';
import { ID_KINDS, idProblem } from '@im-gateway/types';
import { EASEMOB_CAPABILITIES } from '../src/easemob.capabilities.js';
import { PLACEHOLDER_IDS } from './easemob-fixtures.js';

const { ids } = EASEMOB_CAPABILITIES;
const found = loadConformanceFixtures(fileURLToPath(new URL('..', import.meta.url))).flatMap((f) =>
  goldenIds(f.golden).map((g) => ({ ...g, fixture: f.name })),
);
const real = found.filter((g) => !PLACEHOLDER_IDS.includes(g.id));

describe('Easemob id rules against the ids in the golden events', () => {
  // Each id passing its rule is the conformance suite's `ids: <fixture>` check.
  it('have real ids of every kind to check', () => {
    for (const kind of ID_KINDS) expect(real.some((g) => g.kind === kind)).toBe(true);
  });

  it('leave out only placeholders that occur and that a rule refuses', () => {
    const refused = new Set(found.filter((g) => idProblem(ids[g.kind], g.id) !== null).map((g) => g.id));
    expect([...refused].sort()).toEqual([...PLACEHOLDER_IDS].sort());
  });
});

describe('Easemob id rules', () => {
  it('refuse upper case, which Easemob would lower-case into another id', () => {
    expect(idProblem(ids.user, 'Alice')).toBe('must match a-z, 0-9, _ - . (lower case)');
    expect(idProblem(ids.user, 'alice_01.x-y')).toBeNull();
  });

  it('count user ids in bytes, up to 64', () => {
    expect(idProblem(ids.user, 'a'.repeat(64))).toBeNull();
    expect(idProblem(ids.user, 'a'.repeat(65))).toBe('is 65 bytes, longer than 64');
  });

  it('take only numeric group and chat-room ids', () => {
    expect(idProblem(ids.group, '262246968131585')).toBeNull();
    expect(idProblem(ids.chatroom, '173558850453505')).toBeNull();
    expect(idProblem(ids.group, '@TGS#2J4SZEAEL')).toBe('must match 0-9 (assigned by Easemob)');
  });
});
