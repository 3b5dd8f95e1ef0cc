import { Checkbox, Group, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { Modality } from '../../gql/graphql';
import { MODALITY_LABELS } from '../../lib/labels';
import { PRESETS, type PresetId } from './period';

export type PeriodChoice = PresetId | 'custom';

export interface StatsFilterValues {
  period: PeriodChoice;
  /** The custom range's days, 'YYYY-MM-DD', both included; the second is null while picking. */
  range: [string | null, string | null];
  modality: Modality | null;
  /** Providers: only referrals to or from themselves. */
  mineOnly: boolean;
}

interface Props {
  value: StatsFilterValues;
  onChange: (next: StatsFilterValues) => void;
  /** The latest day that can be picked: today in the clinic's zone. */
  today: string;
  /** Offer "only mine" (the viewer has a provider profile). */
  canFilterToSelf: boolean;
  /** The server's refusal of the period, beside the date range. */
  rangeError?: string;
}

const PERIOD_OPTIONS = [...PRESETS.map(({ id, label }) => ({ value: id, label })), { value: 'custom', label: 'Custom range' }];
const MODALITY_OPTIONS = (Object.keys(MODALITY_LABELS) as Modality[]).map((value) => ({ value, label: MODALITY_LABELS[value] }));

/** The period and filters the figures are for. */
export function StatsFilters({ value, onChange, today, canFilterToSelf, rangeError }: Props) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label="Period and filters">
      <Select
        label="Period"
        data={PERIOD_OPTIONS}
        value={value.period}
        onChange={(period) => onChange({ ...value, period: (period ?? 'last30Days') as PeriodChoice })}
        allowDeselect={false}
        w={{ base: '100%', xs: 200 }}
      />
      {value.period === 'custom' ? (
        <DatePickerInput
          type="range"
          label="Dates"
          placeholder="Pick the first and last day"
          value={value.range}
          onChange={(range) => onChange({ ...value, range })}
          maxDate={today}
          allowSingleDateInRange
          error={rangeError}
          w={{ base: '100%', xs: 300 }}
        />
      ) : null}
      <Select
        label="Modality"
        placeholder="All modalities"
        data={MODALITY_OPTIONS}
        value={value.modality}
        onChange={(modality) => onChange({ ...value, modality })}
        clearable
        w={{ base: '100%', xs: 200 }}
      />
      {canFilterToSelf ? (
        <Checkbox
          label="Only referrals to or from me"
          checked={value.mineOnly}
          onChange={(event) => onChange({ ...value, mineOnly: event.currentTarget.checked })}
          mb={8}
        />
      ) : null}
    </Group>
  );
}
