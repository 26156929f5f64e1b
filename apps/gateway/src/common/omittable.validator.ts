import { ValidateIf } from 'class-validator';

/**
 * A field that may be left out but, when present, must pass its rules: unlike `@IsOptional()`, `null` is
 * validated (and refused) rather than let through to a column that cannot hold it.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
