import { describe, expect, it } from '@jest/globals';
import { ImGatewayError } from '@im-gateway/types';
import { LOWER } from '../support/migration-plan.fixtures.js';
import { parseUserList } from '../../src/migrations/user-list.parser.js';

function lineOf(fn: () => unknown): { line: number; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImGatewayError && error.code === 'invalid_user_list')
      return { line: (error.details as { line: number }).line, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

describe('parseUserList', () => {
  it('reads a JSON array and a CSV with or without a header, keeping each user once', () => {
    expect(parseUserList(['alice', 'bob', 'alice'], LOWER)).toEqual(['alice', 'bob']);
    expect(parseUserList({ csv: 'userId\nalice\nbob\n' }, LOWER)).toEqual(['alice', 'bob']);
    expect(parseUserList({ csv: 'user_id\r\n"alice"\r\nbob' }, LOWER)).toEqual(['alice', 'bob']);
    expect(parseUserList({ csv: 'alice\nbob\n\n\n' }, LOWER)).toEqual(['alice', 'bob']);
  });

  it.each([
    ['an empty line in the middle', { csv: 'alice\n\nbob' }, 2, 'users, line 2: empty line'],
    [
      'a second column',
      { csv: 'userId\nalice\nbob,x' },
      3,
      'users, line 3: expected one column (a user id), found 2',
    ],
    [
      'an id against the source rule',
      { csv: 'alice\nBob' },
      2,
      'users, line 2: user id "Bob" must match a-z, 0-9, _ - . (lower case) (a-z, 0-9, _ - . (lower case))',
    ],
    ['an unclosed quote', { csv: 'alice\n"bob' }, 2, 'users, line 2: the CSV cannot be read'],
    ['an empty JSON entry', ['alice', ' '], 2, 'users, line 2: empty user id'],
    ['a non-string JSON entry', ['alice', 7 as unknown as string], 2, 'users, line 2: empty user id'],
    ['an empty list', [], 1, 'users, line 1: the list is empty'],
  ])('refuses %s, naming the line', (_name, input, line, message) => {
    const error = lineOf(() => parseUserList(input, LOWER));
    expect(error.line).toBe(line);
    expect(error.message.startsWith(message)).toBe(true);
  });
});
