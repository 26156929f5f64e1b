import { describe, expect, it } from '@jest/globals';
import { ImGatewayError } from '@im-gateway/types';
import { newId } from './ids.js';
import { decodeCursor } from './pagination.js';

describe('decodeCursor', () => {
  it('gives back the id a page handed out', () => {
    const id = newId();
    expect(decodeCursor(id)).toBe(id);
  });

  it.each(['garbage', '', '12345', `${newId()}x`, "' OR 1=1 --"])(
    'refuses %j as invalid_cursor',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(ImGatewayError);
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
    },
  );
});
