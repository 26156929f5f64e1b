import type { QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

// Columns for migrations, written with TypeORM's schema API rather than SQL so that one migration serves
// SQLite and PostgreSQL. Types mirror entities/columns.ts; test/schema.spec.ts proves the two never drift apart.
export const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
export const ref = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable,
});
export const time = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '24',
  isNullable,
});
export const str = (
  name: string,
  length: number,
  extra: Partial<TableColumnOptions> = {},
): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...extra,
});
export const text = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable,
});
export const int = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'integer',
  ...extra,
});
// Booleans carry no database default: SQLite and PostgreSQL spell one differently; entities always set them.
export const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean' });

/** A table a migration creates, with its indices. */
export interface TableSpec {
  table: Table;
  indices: TableIndex[];
}

export async function createTables(queryRunner: QueryRunner, specs: TableSpec[]): Promise<void> {
  for (const { table, indices } of specs) {
    await queryRunner.createTable(table, true);
    for (const index of indices) await queryRunner.createIndex(table.name, index);
  }
}

export async function dropTables(queryRunner: QueryRunner, specs: TableSpec[]): Promise<void> {
  for (const { table } of [...specs].reverse()) await queryRunner.dropTable(table.name, true);
}
