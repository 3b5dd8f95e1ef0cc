import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Where to look for other providers for a referral, and whom to leave out. */
export interface SuggestionBasis {
  near: { latitude: number; longitude: number } | null;
  radiusKm: number | null;
  excludeProviderIds: string[];
}

interface BasisRow {
  latitude: number | null;
  longitude: number | null;
  radius_km: number | null;
  excluded: string[];
}

@Injectable()
export class SuggestionBasisRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The centre is the pool's for an open referral, else the referring clinic's location, else
   * the referring provider's. Left out: every provider this referral or the ones it was
   * redirected from went to (they declined or did not answer), everyone who passed on any of
   * them, and the referring provider.
   */
  async forReferral(referralId: string): Promise<SuggestionBasis> {
    const rows: BasisRow[] = await this.db.query(
      `WITH RECURSIVE chain AS (
         SELECT id, redirected_from_id, to_provider_id FROM referrals WHERE id = $1
         UNION ALL
         SELECT earlier.id, earlier.redirected_from_id, earlier.to_provider_id
           FROM referrals earlier JOIN chain ON earlier.id = chain.redirected_from_id
       )
       SELECT COALESCE(r.pool_latitude, c.latitude, rp.latitude) AS latitude,
              COALESCE(r.pool_longitude, c.longitude, rp.longitude) AS longitude,
              r.pool_radius_km AS radius_km,
              ARRAY(SELECT to_provider_id FROM chain WHERE to_provider_id IS NOT NULL
                    UNION SELECT provider_id FROM referral_passes WHERE referral_id IN (SELECT id FROM chain)
                    UNION SELECT r.referring_provider_id WHERE r.referring_provider_id IS NOT NULL) AS excluded
         FROM referrals r
         JOIN clinics c ON c.id = r.referring_clinic_id
         LEFT JOIN providers rp ON rp.id = r.referring_provider_id
        WHERE r.id = $1`,
      [referralId],
    );
    const row = rows[0];
    if (!row) return { near: null, radiusKm: null, excludeProviderIds: [] };
    const near = row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude };
    return { near, radiusKm: row.radius_km, excludeProviderIds: row.excluded };
  }
}
