import type { ValidationError } from 'class-validator';

/** Checks of what kind a value is: when one fails, the rules about its size or shape say nothing useful. */
const TYPE_CHECKS = new Set([
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'isDate',
  'nestedValidation',
]);

/**
 * The one message worth showing for a field that failed validation, the first that applies: an unknown
 * field is unknown, a missing one is required, a value of the wrong type gets its type, and otherwise the
 * first rule it breaks in the order the decorators are written (class-validator lists them bottom-up).
 * Shared by the environment (here) and the API validation pipe in `common`.
 */
export function firstValidationMessage(error: ValidationError): string | undefined {
  const constraints = error.constraints ?? {};
  const keys = Object.keys(constraints);
  if (keys.length === 0) return undefined;
  if (constraints.whitelistValidation) return constraints.whitelistValidation;
  if (error.value === undefined || error.value === null) return `${error.property} is required`;
  const typeCheck = keys.find((k) => TYPE_CHECKS.has(k));
  return constraints[typeCheck ?? keys[keys.length - 1]!];
}
