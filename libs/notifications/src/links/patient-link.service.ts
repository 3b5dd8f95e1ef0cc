import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LinkSigner, PatientLink } from './link-signer';

export interface StatusPageData {
  referralStatus: string;
  modality: string;
  providerName: string;
  clinic: { name: string; email: string; phone: string | null; addressLine: string; city: string };
  emailConsent: boolean;
}

/**
 * What a patient's signed link opens. The token names the patient and the referral together;
 * both must still belong to each other, or the link opens nothing.
 */
@Injectable()
export class PatientLinkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signer: LinkSigner,
  ) {}

  verify(token: string): Promise<PatientLink | null> {
    return this.signer.verify(token);
  }

  async statusPage(link: PatientLink): Promise<StatusPageData | null> {
    const rows: StatusPageData[] = await this.db.query(
      `SELECT r.status AS "referralStatus", r.modality, pr.display_name AS "providerName",
              pa.email_consent AS "emailConsent",
              json_build_object('name', c.name, 'email', c.email, 'phone', c.phone, 'addressLine', c.address_line1, 'city', c.address_city) AS clinic
         FROM referrals r
         JOIN patients pa ON pa.id = r.patient_id
         JOIN providers pr ON pr.id = r.to_provider_id
         JOIN clinics c ON c.id = r.to_clinic_id
        WHERE r.id = $1 AND r.patient_id = $2 AND r.status <> 'DRAFT'`,
      [link.referralId, link.patientId],
    );
    return rows[0] ?? null;
  }

  /**
   * Withdraws the patient's email consent — for every referral, not just this one — and
   * records it in the audit trail in the same transaction. Unsubscribing again changes and
   * records nothing. False when the link names a patient and referral that do not belong
   * together.
   */
  async unsubscribe(link: PatientLink): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const [rows] = await manager.query<[{ clinic_id: string }[], number]>(
        `UPDATE patients pa SET email_consent = false, updated_at = now()
           FROM referrals r
          WHERE pa.id = $2 AND r.id = $1 AND r.patient_id = pa.id AND pa.email_consent
          RETURNING pa.clinic_id`,
        [link.referralId, link.patientId],
      );
      if (rows.length === 0) {
        const belongs: unknown[] = await manager.query('SELECT 1 FROM referrals WHERE id = $1 AND patient_id = $2', [link.referralId, link.patientId]);
        return belongs.length > 0;
      }
      const clinicId = rows[0].clinic_id;
      await manager.query(
        `INSERT INTO audit_entries (id, actor_id, actor_clinic_id, actor_role, operation, patient_ids, referral_ids, clinic_ids, subjects, ip_address, at)
         VALUES ($1, NULL, NULL, NULL, 'patientUnsubscribed', ARRAY[$2]::uuid[], ARRAY[$3]::uuid[], ARRAY[$4]::uuid[], $5::jsonb, NULL, now())`,
        [randomUUID(), link.patientId, link.referralId, clinicId, JSON.stringify({ [clinicId]: { patientIds: [link.patientId], referralIds: [link.referralId] } })],
      );
      return true;
    });
  }
}
