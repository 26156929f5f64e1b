import { describe, expect, it } from '@jest/globals';
import { ImGatewayError } from '@im-gateway/types';
import { MAX_UPLOAD_ROWS, uploadedRows } from './mapping-upload.parser.js';

describe('uploadedRows', () => {
  it('reads CSV with or without a header, quoted cells, CRLF, blank lines; cells trimmed', () => {
    expect(uploadedRows('source,target\r\n"a,1", b \r\n\r\nc,d\r\n')).toEqual([
      { row: 1, source: 'a,1', target: 'b' },
      { row: 2, source: 'c', target: 'd' },
    ]);
    expect(uploadedRows('a,b\nc,d')).toEqual([
      { row: 1, source: 'a', target: 'b' },
      { row: 2, source: 'c', target: 'd' },
    ]);
  });

  it('follows a header that names the columns the other way round', () => {
    expect(uploadedRows('target_id,source_id\nt1,s1\n')).toEqual([{ row: 1, source: 's1', target: 't1' }]);
  });

  it('reads JSON objects, pairs, and the bare array', () => {
    expect(uploadedRows({ mappings: [{ source: 'a', target: 'b' }, ['c', 'd']] })).toEqual([
      { row: 1, source: 'a', target: 'b' },
      { row: 2, source: 'c', target: 'd' },
    ]);
    expect(uploadedRows([{ source: 'a' }])).toEqual([{ row: 1, source: 'a', target: undefined }]);
  });

  it.each([
    ['an object without mappings', { rows: [] }],
    ['a number', 5],
    ['broken CSV', 'a,"b\n'],
  ])('refuses %s with validation_failed', (_label, body) => {
    expect(() => uploadedRows(body)).toThrow(ImGatewayError);
  });

  it(`refuses more than ${MAX_UPLOAD_ROWS} rows`, () => {
    const big = Array.from({ length: MAX_UPLOAD_ROWS + 1 }, (_, i) => [`s${i}`, `t${i}`]);
    expect(() => uploadedRows(big)).toThrow(/At most 100000 rows/);
  });
});
