import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The planner is pure: the kinds, items, ids, progress and user-list rules import no framework and no
// database, so they are tested as plain functions and could run anywhere.
const dir = join(import.meta.dirname, '../../src/migrations');
const pure = readdirSync(dir).filter(
  (f) => f.endsWith('.plan.ts') || f === 'migration-progress.ts' || f === 'user-list.parser.ts',
);

describe('the migration planner', () => {
  it('is the files named *.plan.ts, the progress and the user-list parser', () => {
    expect(pure.sort()).toEqual([
      'migration-ids.plan.ts',
      'migration-items.plan.ts',
      'migration-kinds.plan.ts',
      'migration-progress.ts',
      'user-list.parser.ts',
    ]);
  });

  it.each(pure)('%s imports neither Nest nor TypeORM, and no value from persistence', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    expect(source).not.toMatch(/from '@nestjs\//);
    expect(source).not.toMatch(/from 'typeorm'/);
    expect(source).not.toMatch(/^import \{[^}]*\} from '@im-gateway\/persistence'/m);
  });
});
