import { GraphqlClient } from './graphql-client';
import { MATCH_PROVIDERS } from './operations';
import { Print } from './output';

export interface Match {
  provider: { id: string; displayName: string };
  distanceKm: number;
  score: number;
  reasons: string[];
}

/**
 * Asks matchProviders, prints the best few with why they rank where they do, and returns the
 * best: the demo refers to whoever the product ranks first, as a coordinator would.
 */
export async function bestMatch(
  client: GraphqlClient,
  input: { modality: string; conditions: string[]; techniques: string[]; near: { latitude: number; longitude: number } },
  print: Print,
): Promise<Match> {
  const { matchProviders } = await client.run<{ matchProviders: Match[] }>(MATCH_PROVIDERS, {
    input: { ...input, radiusKm: 25, priority: 'ROUTINE', first: 3 },
  });
  if (matchProviders.length === 0) throw new Error(`matchProviders found no ${input.modality} provider within 25 km`);
  for (const [index, match] of matchProviders.entries()) {
    print(`       ${index === 0 ? '→' : ' '} ${match.provider.displayName}  score ${match.score.toFixed(3)}: ${match.reasons.join(', ')}`);
  }
  return matchProviders[0];
}
