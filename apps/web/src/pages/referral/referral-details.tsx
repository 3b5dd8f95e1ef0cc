import { Alert, Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ReferralDetailFragment } from '../../gql/graphql';
import { formatDateTime, formatLocalDate } from '../../lib/clinic-time';
import { conditionLabel, DECLINE_REASON_LABELS, MODALITY_LABELS, STATUS_LABELS, techniqueLabel } from '../../lib/labels';
import { ATTAINMENT_LABELS } from './actions/outcome-fields';
import { RangeOfMotionTable } from './assessment-table';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The referral's content: people, the clinical request, the assessment, goals, and the outcome when there is one. */
export function ReferralDetails({ referral: r, timeZone }: { referral: ReferralDetailFragment; timeZone: string }) {
  return (
    <Stack gap="md">
      {r.redFlags ? (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="Red flags">
          {r.redFlags}
        </Alert>
      ) : null}
      <Section title="Referral" id="referral-title">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Fact label="Patient">
            {r.patient.firstName} {r.patient.lastName}, born {formatLocalDate(r.patient.dateOfBirth)}
          </Fact>
          <Fact label="Contact">
            {[r.patient.phone, r.patient.email].filter(Boolean).join(' · ') || 'None on file'}
            {r.patient.email && !r.patient.emailConsent ? ' (no status emails)' : ''}
          </Fact>
          <Fact label="From">
            {r.referringClinic.name}, {r.referringProvider?.displayName ?? r.referringUser.displayName}
          </Fact>
          <Fact label="To">
            {r.toProvider ? `${r.toProvider.displayName}${r.toClinic ? `, ${r.toClinic.name}` : ''}` : r.pool ? `Open pool within ${r.pool.radiusKm} km` : 'Not chosen yet'}
          </Fact>
          <Fact label="Modality">{MODALITY_LABELS[r.modality]}</Fact>
          <Fact label="Visits">
            {r.recommendedVisits ? `${r.recommendedVisits} recommended` : 'No number recommended'}
            {r.visitsPerWeek ? `, ${r.visitsPerWeek} a week` : ''}
          </Fact>
          {r.appointmentAt ? <Fact label="Appointment">{formatDateTime(r.appointmentAt, timeZone)}</Fact> : null}
          {r.sentAt ? <Fact label="Sent">{formatDateTime(r.sentAt, timeZone)}</Fact> : null}
          <Fact label="Consent to share">{r.consentToShare ? 'Given' : 'Not given yet (required to send)'}</Fact>
          {r.declineReason ? (
            <Fact label="Declined">
              {DECLINE_REASON_LABELS[r.declineReason]}
              {r.declineNote ? `: ${r.declineNote}` : ''}
            </Fact>
          ) : null}
          {r.cancelledAt ? <Fact label="Cancelled">{r.cancelReason ?? 'No reason given'}</Fact> : null}
        </SimpleGrid>
        <Stack gap={4} mt="sm">
          <Fact label="Reason for referral">
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</span>
          </Fact>
          <Group gap={6} mt={4}>
            {r.conditions.map((condition) => (
              <Badge key={condition} variant="outline" color="gray" tt="none">
                {conditionLabel(condition)}
              </Badge>
            ))}
            {r.techniques.map((technique) => (
              <Badge key={technique} variant="dot" color="blue" tt="none">
                {techniqueLabel(technique)}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Links referral={r} />
      </Section>
      <Section title="Assessment" id="assessment-title">
        <RangeOfMotionTable findings={r.assessment?.rangeOfMotion ?? []} caption="Range of motion at referral" />
        {r.assessment?.postureNotes ? (
          <Text size="sm" mt="sm">
            Posture: {r.assessment.postureNotes}
          </Text>
        ) : null}
      </Section>
      {r.goals ? (
        <Section title="Goals" id="goals-title">
          <Text size="sm" fw={500}>Long term</Text>
          <Text size="sm" mb="xs">{r.goals.longTerm}</Text>
          <Text size="sm" fw={500}>Short term</Text>
          {r.goals.shortTerm.length > 0 ? (
            <List size="sm">
              {r.goals.shortTerm.map((goal, index) => (
                <List.Item key={index}>{goal}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              None set by the referrer
            </Text>
          )}
        </Section>
      ) : null}
      {r.outcome ? (
        <Section title="Outcome" id="outcome-title">
          <Stack gap="xs">
            <Group gap="sm">
              <Badge color={r.outcome.goalsMet === 'MET' ? 'green' : r.outcome.goalsMet === 'PARTIALLY_MET' ? 'yellow' : 'red'}>Goals {ATTAINMENT_LABELS[r.outcome.goalsMet].toLowerCase()}</Badge>
              <Text size="sm">{r.outcome.visitsUsed} visits used</Text>
              {r.loopClosedAt ? <Badge color="violet" variant="light">Loop closed {formatDateTime(r.loopClosedAt, timeZone)}</Badge> : null}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.outcome.summary}</Text>
            {r.outcome.shortTermGoals.length > 0 ? (
              <List size="sm">
                {r.outcome.shortTermGoals.map((goal) => (
                  <List.Item key={goal.position}>
                    {goal.description}: {ATTAINMENT_LABELS[goal.attainment].toLowerCase()}
                    {goal.note ? ` (${goal.note})` : ''}
                  </List.Item>
                ))}
              </List>
            ) : null}
            {r.outcome.recommendations.map((recommendation, index) => (
              <Text size="sm" key={index}>
                Recommendation: {recommendation.text}
                {recommendation.suggestedModality ? ` (${MODALITY_LABELS[recommendation.suggestedModality]})` : ''}
              </Text>
            ))}
            {r.outcome.finalRangeOfMotion.length > 0 ? <RangeOfMotionTable findings={r.outcome.finalRangeOfMotion} caption="Range of motion at discharge" /> : null}
          </Stack>
        </Section>
      ) : null}
    </Stack>
  );
}

/** Redirects and onward referrals, linked both ways. */
function Links({ referral: r }: { referral: ReferralDetailFragment }) {
  const links: ReactNode[] = [];
  if (r.redirectedFrom) links.push(<span key="from">Replaces <Anchor component={Link} to={`/referrals/${r.redirectedFrom.id}`}>{r.redirectedFrom.reference}</Anchor></span>);
  if (r.onwardFrom) links.push(<span key="onward-from">Referred on from <Anchor component={Link} to={`/referrals/${r.onwardFrom.id}`}>{r.onwardFrom.reference}</Anchor></span>);
  for (const onward of r.onwardReferrals) {
    links.push(
      <span key={onward.id}>
        Referred on as <Anchor component={Link} to={`/referrals/${onward.id}`}>{onward.reference}</Anchor> ({MODALITY_LABELS[onward.modality]}, {STATUS_LABELS[onward.status].toLowerCase()})
      </span>,
    );
  }
  if (links.length === 0) return null;
  return (
    <Stack gap={2} mt="sm">
      {links.map((link, index) => (
        <Text size="sm" key={index}>{link}</Text>
      ))}
    </Stack>
  );
}
