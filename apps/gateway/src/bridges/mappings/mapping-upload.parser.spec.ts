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

  it.each([
    ['source,target', false],
    ['SOURCE,TARGET', false],
    [' Source , Target ', false],
    ['Source ID,Target ID', false],
    ['source_id,target-id', false],
    ['target,source', true],
    ['Target Id, Source Id', true],
  ])('takes %j as a header, not as data', (header, swapped) => {
    expect(uploadedRows(`${header}\ns1,t1\n`)).toEqual([
      { row: 1, source: swapped ? 't1' : 's1', target: swapped ? 's1' : 't1' },
    ]);
  });

  it('skips a byte-order mark before the header, as spreadsheets write one', () => {
    expect(uploadedRows('\uFEFFsource,target\ns1,t1\n')).toEqual([{ row: 1, source: 's1', target: 't1' }]);
  });

  it.each(['from,to', 'src,dst', 'Old ID,New ID', 'source,dst', 'easemob,tencent', 'target,target'])(
    'refuses a first line of other column names (%j) with validation_failed and its line',
    (header) => {
      expect(() => uploadedRows(`${header}\ns1,t1\n`)).toThrow(
        /^Line 1 \(.*\) is a header but not source,target/,
      );
      expect(() => uploadedRows(`\n\n${header}\ns1,t1\n`)).toThrow(/^Line 3 /);
      const refusal = (() => {
        try {
          return uploadedRows(`${header}\ns1,t1\n`);
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toMatchObject({ code: 'validation_failed' });
    },
  );

  it('keeps a first line of ids that are not column names as data', () => {
    expect(uploadedRows('from_alice,to_bob\n')).toEqual([{ row: 1, source: 'from_alice', target: 'to_bob' }]);
    expect(uploadedRows('source,t1\n')).toEqual([{ row: 1, source: 'source', target: 't1' }]);
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
