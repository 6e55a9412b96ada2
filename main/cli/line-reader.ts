import { createInterface } from 'node:readline';

/** Thrown when input ends before the command has what it asked for. */
export class InputEnded extends Error {
  constructor() {
    super('input ended early');
    this.name = 'InputEnded';
  }
}

/** Reads answers one line at a time from a stream: a terminal, a pipe or a file. */
export function createLineReader(input: NodeJS.ReadableStream): { next(): Promise<string> } {
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false })[
    Symbol.asyncIterator
  ]();
  return {
    async next() {
      const { value, done } = await lines.next();
      if (done === true) throw new InputEnded();
      return value;
    },
  };
}
