import { createInterface } from 'node:readline';

/** Thrown when input ends before the command has what it asked for. */
export class InputEnded extends Error {
  constructor() {
    super('input ended early');
    this.name = 'InputEnded';
  }
}

export interface LineReader {
  next(): Promise<string>;
  /**
   * Stops reading. Without it an open input (a terminal, or a pipe whose writer has not
   * finished) keeps the process waiting for a line nobody asked for.
   */
  close(): void;
}

/** Reads answers one line at a time from a stream: a terminal, a pipe or a file. */
export function createLineReader(input: NodeJS.ReadableStream): LineReader {
  const reader = createInterface({ input, crlfDelay: Infinity, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  return {
    async next() {
      const { value, done } = await lines.next();
      if (done === true) throw new InputEnded();
      return value;
    },
    close() {
      reader.close();
      input.pause();
    },
  };
}
