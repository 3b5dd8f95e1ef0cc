import { useQuery } from '@apollo/client/react';
import { Badge, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { graphql } from '../gql';
import type { Condition, Modality, ReferralPriority, Technique } from '../gql/graphql';
import { ErrorState, LoadingState } from './states';

const MATCH_PROVIDERS = graphql(`
  query MatchProviders($input: MatchProvidersInput!) {
    matchProviders(input: $input) {
      distanceKm
      score
      reasons
      provider {
        id
        displayName
        city
      }
    }
  }
`);

/** Where a referral goes: one provider of the ranked matches, or the open pool within a radius. */
export type Target = { kind: 'provider'; providerId: string } | { kind: 'pool'; radiusKm: number } | null;

interface Props {
  modality: Modality | null;
  conditions: readonly Condition[];
  techniques: readonly Technique[];
  priority: ReferralPriority;
  near: { latitude: number; longitude: number } | null;
  value: Target;
  onChange: (target: Target) => void;
  error?: string;
}

/**
 * The ranked `matchProviders` list with distance, score and the reasons in words, and the open
 * pool as the last choice. Nothing is asked before a modality is chosen.
 */
/** Only the coordinates: a point read from the API also carries its __typename, which an input refuses. */
const pointInput = (point: { latitude: number; longitude: number }) => ({ latitude: point.latitude, longitude: point.longitude });

export function ProviderPicker({ modality, conditions, techniques, priority, near, value, onChange, error }: Props) {
  const radiusKm = value?.kind === 'pool' ? value.radiusKm : 25;
  const { data, loading, error: loadError, refetch } = useQuery(MATCH_PROVIDERS, {
    variables: { input: { modality: modality ?? 'MASSAGE', conditions: [...conditions], techniques: [...techniques], priority, near: near ? pointInput(near) : { latitude: 0, longitude: 0 }, radiusKm: 50, first: 10 } },
    skip: !modality || !near,
  });
  if (!modality) return <Text size="sm" c="dimmed">Choose a modality to see matching providers.</Text>;
  if (!near) return <Text size="sm" c="dimmed">Your clinic has no location on file, so providers cannot be ranked by distance; offer it to the open pool or ask an admin to add the clinic's location.</Text>;
  const matches = data?.matchProviders ?? [];
  const selected = value?.kind === 'provider' ? value.providerId : value?.kind === 'pool' ? 'pool' : '';

  return (
    <Radio.Group
      label="Send it to"
      required
      value={selected}
      onChange={(choice) => onChange(choice === 'pool' ? { kind: 'pool', radiusKm } : { kind: 'provider', providerId: choice })}
      error={error}
    >
      <Stack gap="xs" mt="xs">
        {loadError && !data ? <ErrorState title="Matching providers could not be loaded" error={loadError} onRetry={() => void refetch()} /> : null}
        {loading && !data ? <LoadingState label="Ranking providers…" /> : null}
        {data && matches.length === 0 ? <Text size="sm" c="dimmed">No provider within 50 km practises this modality with a place free this week.</Text> : null}
        {matches.map((match, index) => (
          <Radio
            key={match.provider.id}
            value={match.provider.id}
            label={
              <Group gap={6} wrap="wrap">
                <Text span fw={600} size="sm">
                  {index + 1}. {match.provider.displayName}
                </Text>
                {match.provider.city ? <Text span size="sm" c="dimmed">{match.provider.city}</Text> : null}
                <Badge variant="light" color="gray" size="sm">{match.distanceKm.toLocaleString()} km</Badge>
                <Badge variant="light" size="sm">score {Math.round(match.score * 100)}</Badge>
              </Group>
            }
            description={match.reasons.join(' · ')}
          />
        ))}
        <Radio value="pool" label="Offer it to the open pool" description="Every matching provider within the radius sees it; the first to claim it treats the patient." />
        {selected === 'pool' ? (
          <NumberInput label="Radius (km)" min={1} max={100} value={radiusKm} onChange={(v) => onChange({ kind: 'pool', radiusKm: typeof v === 'number' ? v : 25 })} w={160} ml="xl" />
        ) : null}
      </Stack>
    </Radio.Group>
  );
}

/** The createReferral / referOnward input fields for a target. */
export function targetInput(target: Target, near: { latitude: number; longitude: number } | null): { toProviderId?: string; toPool?: { near: { latitude: number; longitude: number }; radiusKm: number } } {
  if (target?.kind === 'provider') return { toProviderId: target.providerId };
  if (target?.kind === 'pool' && near) return { toPool: { near: pointInput(near), radiusKm: target.radiusKm } };
  return {};
}
