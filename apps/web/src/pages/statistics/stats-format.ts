/** How the statistics page words numbers: a missing figure is a dash, never a misleading 0. */

export const NONE = '—';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A share from 0 to 1 as a whole percentage; null (nothing to divide by) as a dash. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? NONE : percent.format(share);
}

/** A mean such as visits used, to one decimal. */
export function formatMean(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : oneDecimal.format(value);
}

/**
 * A duration given in hours, in the unit a person would say: minutes under an hour, hours under
 * two days, days beyond.
 */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return NONE;
  if (hours < 1) {
    const minutes = Math.round(hours * 60);
    return minutes < 1 ? 'under 1 min' : `${minutes} min`;
  }
  if (hours < 48) return `${oneDecimal.format(hours)} h`;
  return `${oneDecimal.format(hours / 24)} days`;
}

export const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
