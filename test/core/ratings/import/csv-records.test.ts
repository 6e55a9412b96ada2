import { describe, expect, it } from 'vitest';
import {
  readPlainRecords,
  readWithCsvParse,
} from '../../../../main/core/ratings/import/csv-records.ts';
import { Prng } from '../../../../main/core/random.ts';

type Read = typeof readPlainRecords;

function records(read: Read, text: string, delimiter: string): [number, string[]][] {
  const out: [number, string[]][] = [];
  read(text, delimiter, {
    record: (fields, line) => out.push([line, fields]),
    bad: (line, reason) => out.push([line, [`BAD ${reason}`]]),
  });
  return out;
}

/** Quote-free text from pieces real files have: empty lines, CRLF, spaces, empty fields, a BOM. */
function quoteFreeText(random: Prng, delimiter: string): string {
  const pieces = ['u1', 'm 2', '', ' ', '4.5', '978300760', 'x\ty', 'é', ';', ','];
  const lines: string[] = [];
  // One kind of line end a file, as exporters write them.
  const crlf = random.nextFloat() < 0.5;
  for (let l = 0; l < 30; l++) {
    const fields = Array.from(
      { length: random.nextInt(5) },
      () => pieces[random.nextInt(pieces.length)],
    );
    lines.push(fields.join(delimiter));
  }
  const eol = crlf ? '\r\n' : '\n';
  return (
    (random.nextFloat() < 0.3 ? '\uFEFF' : '') +
    lines.join(eol) +
    (random.nextFloat() < 0.5 ? eol : '')
  );
}

describe('readCsvRecords without quotes', () => {
  it('gives exactly the records and line numbers csv-parse gives', () => {
    const random = new Prng(11);
    for (let trial = 0; trial < 300; trial++) {
      const delimiter = [',', ';', '\t', '::'][trial % 4];
      const text = quoteFreeText(random, delimiter);
      expect(records(readPlainRecords, text, delimiter), JSON.stringify(text)).toEqual(
        records(readWithCsvParse, text, delimiter),
      );
    }
  });
});
