import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Loaders } from '@referloop/common';
import { visibleByReferral } from './episode-rows';
import { ProgressReport, ProgressReportTrigger } from './progress-report.model';
import { TreatmentProgress } from './progress.model';
import type { TableRow } from '@referloop/database';

type ReportRow = TableRow<'progress_reports', { trigger: ProgressReportTrigger; progress: TreatmentProgress }>;

/** jsonb gives the measures' times back as strings; the report shows them as the times they were. */
const revived = (progress: TreatmentProgress): TreatmentProgress => ({
  ...progress,
  measures: progress.measures.map((measure) => ({ ...measure, firstAt: new Date(measure.firstAt), latestAt: new Date(measure.latestAt) })),
});

const toReport = (row: ReportRow): ProgressReport => ({
  id: row.id,
  number: row.number,
  trigger: row.trigger,
  progress: revived(row.progress),
  comments: row.comments,
  writtenAt: row.written_at,
  writtenByUserId: row.written_by_user_id,
});

/** Reports belong to a referral: read by referral id, only where the caller may see the referral. */
@Injectable()
export class ProgressReportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends the next report under the caller's lock of the referral. */
  async insert(
    manager: EntityManager,
    referralId: string,
    report: { trigger: ProgressReportTrigger; progress: TreatmentProgress; comments: string | null },
    userId: string,
    at: Date,
  ): Promise<ProgressReport> {
    const rows: ReportRow[] = await manager.query(
      `INSERT INTO progress_reports (id, referral_id, number, trigger, progress, comments, written_by_user_id, written_at)
       SELECT $1, $2, COALESCE(max(number), 0) + 1, $3, $4, $5, $6, $7 FROM progress_reports WHERE referral_id = $2
       RETURNING *`,
      [randomUUID(), referralId, report.trigger, JSON.stringify(report.progress), report.comments, userId, at],
    );
    return toReport(rows[0]);
  }

  /** Each referral's reports that the actor may see, oldest first. */
  visibleOf(actor: Actor, referralIds: readonly string[]): Promise<Map<string, ProgressReport[]>> {
    return visibleByReferral(this.db, actor, 'progress_reports', referralIds, toReport);
  }
}

export const reportsLoader = (loaders: Loaders, reports: ProgressReportRepository, actor: Actor) =>
  loaders.get<string, ProgressReport[]>('progressReports', (ids) => reports.visibleOf(actor, ids));
