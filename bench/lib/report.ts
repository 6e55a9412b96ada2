/** Prints one benchmark figure as `label: value unit`, aligned. */
export function report(label: string, value: string): void {
  process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
}

/** Peak resident set size of this process so far, in MiB (`process.resourceUsage().maxRSS`). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}
