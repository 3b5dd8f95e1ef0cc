import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, earthPoint, kmBetween, sqlParams, withinKm } from '@referloop/common';
import { ProviderRow, toProvider } from '../provider.repository';
import { matchReasons } from './match-reasons';
import { MatchRequest } from './match-request';
import { coverageSql, nearnessSql, responsivenessSql, roomSql, scoreSql } from './match-score';
import { ProviderMatch } from './provider-match.model';

interface MatchRow extends ProviderRow {
  distance_km: number;
  capacity_left: number;
  median_response_ms: number | null;
  score: number;
}

/**
 * Ranks providers for a request entirely in PostgreSQL: the GiST index on the providers'
 * earth points finds those inside a box around the point, the exact great-circle distance and
 * the hard filters (modality, accepting new patients, a place left this week, within the
 * radius) cut that down, and the documented score orders what is left; only the top `first`
 * rows leave the database. Load and responsiveness come from `provider_stats`.
 */
@Injectable()
export class ProviderMatcher {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async match(request: MatchRequest): Promise<ProviderMatch[]> {
    const weights = this.config.matching.weights[request.priority];
    const { values, param } = sqlParams();
    // Immutable with constant arguments: PostgreSQL computes the origin once, when planning.
    const origin = earthPoint(param(request.near.latitude), param(request.near.longitude));
    const radiusKm = param(request.radiusKm);
    const modality = param(request.modality);
    const scoreParams = {
      conditions: param(request.conditions),
      techniques: param(request.techniques),
      radiusKm,
      halfHours: param(this.config.matching.responsivenessHalfHours),
    };
    // candidates: the modality's index of accepting providers answers the box, then the exact
    // radius and the remaining hard filters; materialised so each row's distance is computed
    // once. parts: each part of the score by name.
    const rows: MatchRow[] = await this.db.query(
      `WITH candidates AS MATERIALIZED (
         SELECT p.*, s.median_response_ms, ${kmBetween('p.earth_point', origin)} AS distance_km,
                p.weekly_capacity - CASE WHEN s.week_ends_at > now() THEN s.accepted_this_week ELSE 0 END AS capacity_left
           FROM providers p
           LEFT JOIN provider_stats s ON s.provider_id = p.id
          WHERE p.accepting_new_patients AND ${modality} = ANY(p.modalities)
            AND ${withinKm('p.earth_point', origin, radiusKm)}
            AND p.id <> ALL(${param(request.excludeProviderIds ?? [])}::uuid[])
       ),
       parts AS (
         SELECT candidates.*, ${coverageSql(scoreParams)} AS coverage, ${nearnessSql(scoreParams)} AS nearness,
                ${responsivenessSql(scoreParams)} AS responsiveness, ${roomSql()} AS room
           FROM candidates
          WHERE capacity_left > 0
       )
       SELECT parts.*, ${scoreSql({
         coverage: param(weights.coverage),
         distance: param(weights.distance),
         responsiveness: param(weights.responsiveness),
         load: param(weights.load),
       })} AS score
         FROM parts
        ORDER BY score DESC, distance_km, id
        LIMIT ${param(request.first)}`,
      values,
    );
    return rows.map((row) => ({
      provider: toProvider(row),
      distanceKm: Number(row.distance_km),
      score: Number(row.score),
      reasons: matchReasons({
        askedConditions: request.conditions,
        askedTechniques: request.techniques,
        providerConditions: row.conditions,
        providerTechniques: row.techniques,
        distanceKm: Number(row.distance_km),
        medianResponseHours: row.median_response_ms === null ? null : Number(row.median_response_ms) / 3_600_000,
        capacityLeft: Number(row.capacity_left),
        weeklyCapacity: row.weekly_capacity,
      }),
    }));
  }
}
