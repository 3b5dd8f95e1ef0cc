import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, earthPoint, kmBetween, sqlParams, withinKm } from '@referloop/core';
import { ProviderRow, toProvider } from '../provider.repository';
import { matchReasons } from './match-reasons';
import { MatchRequest } from './match-request';
import { CANDIDATE, coverageSql, scoreSql } from './match-score';
import { ProviderMatch } from './provider-match.model';

interface MatchRow extends ProviderRow {
  distance_km: number;
  capacity_left: number;
  median_response_ms: number | null;
  score: number;
}

/**
 * Ranks providers for a request entirely in PostgreSQL: the modality's GiST index of accepting
 * providers answers the box around the point (an index-only scan: the index carries every
 * column the candidates CTE reads — keep the two in step), the exact great-circle distance and the rest of
 * the hard filters (a place left this week, not excluded) cut that down, the documented score
 * orders what is left, and only the top `first` rows are read in full and leave the database.
 * Load and responsiveness come from the providers' own `stats_*` columns.
 */
@Injectable()
export class ProviderMatcher {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async match(request: MatchRequest): Promise<ProviderMatch[]> {
    const { values, param } = sqlParams();
    // Immutable with constant arguments: PostgreSQL computes the origin once, when planning.
    const origin = earthPoint(param(request.near.latitude), param(request.near.longitude));
    const radiusKm = param(request.radiusKm);
    const score = scoreSql(
      { radiusKm, halfHours: param(this.config.matching.responsivenessHalfHours) },
      this.config.matching.weights[request.priority],
      param,
    );
    // candidates: narrow rows, materialised so each distance and coverage is computed once;
    // ranked: the score and the cut; then the winners' full rows.
    const rows: MatchRow[] = await this.db.query(
      `WITH candidates AS MATERIALIZED (
         SELECT p.id, p.weekly_capacity, ${kmBetween('p.earth_point', origin)} AS ${CANDIDATE.distanceKm},
                ${coverageSql(request, param)} AS ${CANDIDATE.coverage},
                p.stats_median_response_ms AS ${CANDIDATE.medianResponseMs},
                p.weekly_capacity - CASE WHEN p.stats_week_ends_at > now() THEN p.stats_accepted_this_week ELSE 0 END AS ${CANDIDATE.capacityLeft}
           FROM providers p
          WHERE p.accepting_new_patients AND ${param(request.modality)} = ANY(p.modalities)
            AND ${withinKm('p.earth_point', origin, radiusKm)}
            AND p.id <> ALL(${param(request.excludeProviderIds ?? [])}::uuid[])
       ),
       ranked AS (
         SELECT id, distance_km, capacity_left, median_response_ms, ${score} AS score
           FROM candidates
          WHERE capacity_left > 0
          ORDER BY score DESC, distance_km, id
          LIMIT ${param(request.first)}
       )
       SELECT p.*, ranked.distance_km, ranked.capacity_left, ranked.median_response_ms, ranked.score
         FROM ranked JOIN providers p ON p.id = ranked.id
        ORDER BY ranked.score DESC, ranked.distance_km, ranked.id`,
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
