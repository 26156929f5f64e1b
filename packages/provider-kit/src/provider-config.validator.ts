import 'reflect-metadata';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ProviderConfigInvalidError, type FieldIssue } from '@im-gateway/types';

function flatten(errors: ValidationError[], prefix: string): FieldIssue[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Validates an app's provider config against a class-validator class: unknown keys are refused (a typo in
 * a credential name must not pass silently). Returns a plain object; throws `ProviderConfigInvalidError`
 * naming every bad field as `config.<field>`.
 */
export function validateProviderConfig<T extends object>(cls: ClassConstructor<T>, raw: unknown): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProviderConfigInvalidError([{ field: 'config', message: 'must be an object' }]);
  }
  const instance = plainToInstance(cls, raw);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new ProviderConfigInvalidError(flatten(errors, 'config'));
  return { ...instance };
}
