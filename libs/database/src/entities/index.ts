import { AppSecretEntity } from './app-secret.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { ClinicEntity } from './clinic.entity';
import { LoginFailureEntity } from './login-failure.entity';
import { NotificationEntity } from './notification.entity';
import { PatientEntity } from './patient.entity';
import { ProgressReportEntity } from './progress-report.entity';
import { ProviderEntity } from './provider.entity';
import { ReferralEventEntity } from './referral-event.entity';
import { ReferralEntity } from './referral.entity';
import { ReferralPassEntity } from './referral-pass.entity';
import { TreatmentPlanEntity } from './treatment-plan.entity';
import { VisitEntity } from './visit.entity';
import { UserEntity } from './user.entity';

export {
  AppSecretEntity,
  AuditEntryEntity,
  ClinicEntity,
  LoginFailureEntity,
  NotificationEntity,
  PatientEntity,
  ProgressReportEntity,
  ProviderEntity,
  ReferralEventEntity,
  ReferralEntity,
  ReferralPassEntity,
  TreatmentPlanEntity,
  UserEntity,
  VisitEntity,
};

export const ENTITIES = [
  ClinicEntity,
  UserEntity,
  ProviderEntity,
  PatientEntity,
  ReferralEntity,
  ReferralEventEntity,
  AuditEntryEntity,
  LoginFailureEntity,
  NotificationEntity,
  AppSecretEntity,
  ReferralPassEntity,
  TreatmentPlanEntity,
  VisitEntity,
  ProgressReportEntity,
];
