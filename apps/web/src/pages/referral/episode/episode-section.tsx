import '@mantine/charts/styles.css';
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ErrorState, LoadingState } from '../../../components/states';
import type { EpisodeAction, ReferralDetailFragment, ReferralStatus } from '../../../gql/graphql';
import { useViewer } from '../../../layout/viewer';
import { formatDateTime } from '../../../lib/clinic-time';
import { techniqueLabel } from '../../../lib/labels';
import { measureName } from '../assessment-table';
import { Section } from '../referral-details';
import { EPISODE } from './episode-queries';
import { OnwardDialog } from './onward-dialog';
import { PlanDialog } from './plan-dialog';
import { ProgressCharts } from './progress-charts';
import { budgetUse, measureSeries, painSeries } from './progress-series';
import { ReportDialog } from './report-dialog';
import { VisitDialog } from './visit-dialog';
import { ScrollTable } from '../../../components/scroll-table';

/** Statuses in which a referral has (or had) a treatment episode to show. */
const WITH_EPISODE: readonly ReferralStatus[] = ['ACCEPTED', 'SCHEDULED', 'IN_TREATMENT', 'COMPLETED'];

const EPISODE_ACTION_LABELS: Record<EpisodeAction, string> = {
  SET_TREATMENT_PLAN: 'Set plan',
  RECORD_VISIT: 'Record visit',
  SEND_PROGRESS_REPORT: 'Send progress report',
  REFER_ONWARD: 'Refer on',
};

/** The treatment episode: plan and its history, visits, progress charts, reports; the treating provider's steps as buttons. */
export function EpisodeSection({ referral }: { referral: ReferralDetailFragment }) {
  const viewer = useViewer();
  const shown = WITH_EPISODE.includes(referral.status) || (referral.status === 'CANCELLED' && referral.treatmentStartedAt);
  const { data, error, refetch } = useQuery(EPISODE, { variables: { id: referral.id }, skip: !shown });
  const [open, setOpen] = useState<EpisodeAction | null>(null);
  // Every change to the referral (a visit, a plan, a report, by anyone) gives it a new version,
  // which reaches this page live; the episode's lists are read again then.
  const version = referral.version;
  useEffect(() => {
    if (shown) void refetch();
  }, [version, shown, refetch]);
  if (!shown) return null;
  const episode = data?.referral;
  if (error && !episode) return <ErrorState title="The treatment episode could not be loaded" error={error} onRetry={() => void refetch()} />;
  if (!episode) return <LoadingState label="Loading the treatment episode…" />;

  const plan = episode.treatmentPlan;
  const actions = episode.availableEpisodeActions;
  const label = (action: EpisodeAction) => (action === 'SET_TREATMENT_PLAN' && plan ? 'Change plan' : EPISODE_ACTION_LABELS[action]);
  const budget = budgetUse(episode.progress.attendedVisits, episode.progress.missedVisits, episode.progress.plannedVisits ?? episode.recommendedVisits);

  return (
    <Section title="Treatment episode" id="episode-title">
      <Stack gap="lg">
        {actions.length > 0 ? (
          <Group gap="xs" role="group" aria-label="Episode actions">
            {actions.map((action) => (
              <Button key={action} variant={action === 'RECORD_VISIT' || (action === 'SET_TREATMENT_PLAN' && !plan) ? 'filled' : 'default'} onClick={() => setOpen(action)}>
                {label(action)}
              </Button>
            ))}
          </Group>
        ) : null}

        <Stack gap={4}>
          <Title order={3} size="h5">
            Plan
          </Title>
          {plan ? (
            <>
              <Text size="sm">{plan.longTermGoal}</Text>
              <Text size="sm" c="dimmed">
                {plan.plannedVisits} visits, {plan.visitsPerWeek} a week{plan.techniques.length ? ` · ${plan.techniques.map(techniqueLabel).join(', ')}` : ''} · version {plan.version}, set by {plan.setBy.displayName} {formatDateTime(plan.setAt, viewer.timeZone)}
              </Text>
              {episode.progress.goals.length > 0 ? (
                <List size="sm" spacing={2}>
                  {episode.progress.goals.map((goal) => (
                    <List.Item key={goal.position}>
                      {goal.description} (by visit {goal.targetVisit}){' '}
                      {goal.met ? <Badge size="xs" color="green">met at visit {goal.metAtVisit}</Badge> : <Badge size="xs" color="gray" variant="light">not yet</Badge>}
                    </List.Item>
                  ))}
                </List>
              ) : null}
              {episode.treatmentPlanHistory.length > 1 ? (
                <Text size="xs" c="dimmed">
                  Earlier versions: {episode.treatmentPlanHistory.slice(0, -1).map((p) => `v${p.version} ${p.plannedVisits} visits (${formatDateTime(p.setAt, viewer.timeZone)})`).join(' · ')}
                </Text>
              ) : null}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              No treatment plan yet. The treating provider sets it after accepting.
            </Text>
          )}
        </Stack>

        <Stack gap="xs">
          <Title order={3} size="h5">
            Progress
          </Title>
          <ProgressCharts measures={measureSeries(episode.assessment?.rangeOfMotion ?? [], episode.visits)} pain={painSeries(episode.visits)} budget={budget} />
        </Stack>

        <Stack gap="xs">
          <Title order={3} size="h5">
            Visits
          </Title>
          {episode.visits.length === 0 ? (
            <Text size="sm" c="dimmed">No visits recorded yet.</Text>
          ) : (
            <ScrollTable minWidth={520} label="Visits">
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">#</Table.Th>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Attended</Table.Th>
                    <Table.Th scope="col">Pain</Table.Th>
                    <Table.Th scope="col">Range of motion</Table.Th>
                    <Table.Th scope="col">Notes</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {episode.visits.map((visit) => (
                    <Table.Tr key={visit.id}>
                      <Table.Td>{visit.number}</Table.Td>
                      <Table.Td>{formatDateTime(visit.at, viewer.timeZone)}</Table.Td>
                      <Table.Td>
                        {visit.attended ? 'Yes' : <Badge color="orange" variant="light">Missed</Badge>} {visit.overBudget ? <Badge color="red" variant="light">Over budget</Badge> : null}
                      </Table.Td>
                      <Table.Td>{visit.painScore != null ? `${visit.painScore}/10` : '—'}</Table.Td>
                      <Table.Td>{visit.rangeOfMotion.map((f) => `${measureName(f)} ${f.measuredDegrees}°`).join('; ') || '—'}</Table.Td>
                      <Table.Td>{visit.notes ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Stack>

        {episode.reports.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h5">
              Progress reports
            </Title>
            <List size="sm">
              {episode.reports.map((report) => (
                <List.Item key={report.id}>
                  Report {report.number}, {formatDateTime(report.writtenAt, viewer.timeZone)} by {report.writtenBy.displayName}
                  {report.comments ? `: ${report.comments}` : ''}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
      </Stack>
      {open === 'SET_TREATMENT_PLAN' ? <PlanDialog episode={episode} referralGoals={referral.goals ?? null} onClose={() => setOpen(null)} /> : null}
      {open === 'RECORD_VISIT' ? <VisitDialog episode={episode} timeZone={viewer.timeZone} onClose={() => setOpen(null)} /> : null}
      {open === 'SEND_PROGRESS_REPORT' ? <ReportDialog episode={episode} onClose={() => setOpen(null)} /> : null}
      {open === 'REFER_ONWARD' ? <OnwardDialog referralId={referral.id} version={referral.version} conditions={referral.conditions} onClose={() => setOpen(null)} /> : null}
    </Section>
  );
}
