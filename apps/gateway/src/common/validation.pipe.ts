import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ImGatewayError, type FieldIssue } from '@im-gateway/types';
import { firstValidationMessage } from '../config/validation-message.js';

function issues(errors: ValidationError[], prefix = ''): FieldIssue[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const message = firstValidationMessage(e);
    return [...(message ? [{ field, message }] : []), ...issues(e.children ?? [], field)];
  });
}

/** class-validator on every DTO: unknown fields are refused, and each problem is named by field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const list = issues(errors);
      return new ImGatewayError(
        'validation_failed',
        list.map((i) => i.message).join('; ') || 'Invalid request.',
        list,
      );
    },
  });
}
