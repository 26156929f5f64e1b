import { describe, expect, it } from '@jest/globals';
import { ImGatewayError } from '@im-gateway/types';
import { EndpointCreateDto } from '../endpoints/endpoint.dto.js';
import { createValidationPipe } from './validation.pipe.js';

async function refusal(body: unknown): Promise<ImGatewayError> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: EndpointCreateDto });
  } catch (e) {
    expect(e).toBeInstanceOf(ImGatewayError);
    return e as ImGatewayError;
  }
  throw new Error('expected the body to be refused');
}

describe('the validation pipe', () => {
  it('names a missing field as required, once', async () => {
    const error = await refusal({});
    expect(error.details).toEqual([{ field: 'url', message: 'url is required' }]);
    expect(error.message).toBe('url is required');
  });

  it('names the type of a field of the wrong type, once', async () => {
    const error = await refusal({ url: 5, eventTypes: 'message.*' });
    expect(error.details).toEqual([
      { field: 'url', message: 'url must be a string' },
      { field: 'eventTypes', message: 'eventTypes must be an array' },
    ]);
  });

  it('gives the rule a well-typed value breaks', async () => {
    const error = await refusal({ url: 'x'.repeat(2001), eventTypes: ['nope.*'] });
    expect(error.details).toEqual([
      { field: 'url', message: 'url must be shorter than or equal to 2000 characters' },
      {
        field: 'eventTypes',
        message:
          'eventTypes must be event types or patterns that match some, such as message.* or group.member.*',
      },
    ]);
  });

  it('refuses an unknown field by name', async () => {
    const error = await refusal({ url: 'https://example.com', colour: 'red' });
    expect(error.details).toEqual([{ field: 'colour', message: 'property colour should not exist' }]);
  });
});
