import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Provider } from '../provider.model';

@ObjectType({ description: 'A provider who passes the hard filters, with how well they fit and why.' })
export class ProviderMatch {
  @Field(() => Provider)
  provider!: Provider;

  @Field(() => Float, { description: 'Great-circle kilometres from the point searched around.' })
  distanceKm!: number;

  @Field(() => Float, { description: 'Between 0 and 1; see docs/matching.md for how it is made up. Matches come highest first.' })
  score!: number;

  @Field(() => [String], { description: 'The match in words: conditions treated, distance, how quickly they answer, places left.' })
  reasons!: string[];
}
