import { Column, PrimaryColumn, type ColumnOptions } from 'typeorm';

/**
 * Column helpers that read the same on SQLite and PostgreSQL.
 *
 * Times are ISO-8601 UTC strings with milliseconds (`2024-01-01T00:00:00.000Z`): they sort and compare
 * lexicographically in the same order as time on both engines, need no driver conversion (PostgreSQL's
 * `timestamptz` and SQLite's untyped values round-trip differently through TypeORM), and are what the API
 * returns anyway. JSON is stored as text for the same reason; the columns the API filters on are
 * separate, indexed columns.
 */
export const IdColumn = (): PropertyDecorator => PrimaryColumn({ type: 'varchar', length: 36 });

export const RefColumn = (name: string, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ name, type: 'varchar', length: 36, ...options });

export const TimeColumn = (name: string, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ name, type: 'varchar', length: 24, ...options });

export const TextColumn = (name: string, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ name, type: 'text', ...options });

export const JsonColumn = (name: string, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ name, type: 'simple-json', ...options });

export const StringColumn = (name: string, length: number, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ name, type: 'varchar', length, ...options });

export const IntColumn = (name: string, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ name, type: 'integer', ...options });

export const BoolColumn = (name: string, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ name, type: 'boolean', ...options });
