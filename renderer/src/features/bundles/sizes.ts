/** Sizes of files in the Italian way: 1.234 byte, 12,3 kB, 4,5 MB (decimal units, as Windows' tooltips). */
const oneDecimal = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: 'always' });
const whole = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0, useGrouping: 'always' });

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${whole.format(bytes)} byte`;
  if (bytes < 1_000_000) return `${oneDecimal.format(bytes / 1000)} kB`;
  return `${oneDecimal.format(bytes / 1_000_000)} MB`;
}

