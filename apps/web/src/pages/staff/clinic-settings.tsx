import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { describeError } from '../../api/errors';
import { FormDialog } from '../../components/form-dialog';
import { ErrorState, LoadingState } from '../../components/states';
import { CLINIC_SETTINGS, REQUIRE_TWO_FACTOR } from './staff-queries';

/**
 * A clinic admin's settings for everyone in their clinic: whether two-factor sign-in is required.
 * Turned on, everyone without it is asked to set it up at their next step, signed in or not; so
 * the admin may turn it on only once they use it themselves (the API refuses otherwise), which
 * the switch says before they try.
 */
export function ClinicSettings({ clinicId }: { clinicId: string }) {
  const headingId = useId();
  const query = useQuery(CLINIC_SETTINGS, { variables: { id: clinicId } });
  const [update] = useMutation(REQUIRE_TWO_FACTOR);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const clinic = query.data?.clinic;
  // Turning it off is always allowed; turning it on needs the admin's own second factor.
  const mayRequire = query.data?.me.twoFactorEnabled !== false || clinic?.requireTwoFactor === true;

  const setRequired = async (requireTwoFactor: boolean) => {
    setFailure(null);
    try {
      await update({
        variables: { input: { id: clinicId, requireTwoFactor } },
        // The switch moves at once; a refusal puts it back.
        optimisticResponse: { updateClinic: { __typename: 'Clinic', id: clinicId, requireTwoFactor } },
      });
      notifications.show({
        color: 'green',
        title: requireTwoFactor ? 'Two-factor sign-in required' : 'Two-factor sign-in optional',
        message: requireTwoFactor
          ? `Everyone in ${clinic?.name ?? 'the clinic'} who has not set it up is asked to at their next step.`
          : 'Each person chooses for themselves whether to use it.',
      });
    } catch (error) {
      setFailure(`The setting could not be changed: ${describeError(error).message}`);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          Clinic settings
        </Title>
        {query.error && !clinic ? <ErrorState title="The clinic’s settings could not be loaded" error={query.error} onRetry={() => void query.refetch()} /> : null}
        {!clinic && query.loading ? <LoadingState label="Loading the clinic’s settings…" /> : null}
        {clinic ? (
          <Switch
            label={`Require two-factor sign-in for everyone in ${clinic.name}`}
            description={
              clinic.requireTwoFactor
                ? 'Everyone signs in with a code from an authenticator app as well as their password. Anyone who has not set it up yet is asked to at their next step.'
                : 'Each person chooses whether to use two-factor sign-in, from “Two-factor sign-in” in their account menu.'
            }
            checked={clinic.requireTwoFactor}
            disabled={!mayRequire}
            // Requiring it interrupts everyone signed in without it: asked first. Lifting it is not.
            onChange={(event) => (event.currentTarget.checked ? setConfirming(true) : void setRequired(false))}
          />
        ) : null}
        {confirming && clinic ? (
          <FormDialog
            title={`Require two-factor sign-in in ${clinic.name}?`}
            submitLabel="Require it"
            size="md"
            onClose={() => setConfirming(false)}
            onSubmit={async () => {
              setConfirming(false);
              await setRequired(true);
            }}
            intro="Everyone who has not set it up yet is asked to at their next step: anyone signed in now is taken to the setup page, and a form they have not sent is lost. Tell your staff before you turn it on."
          />
        ) : null}
        {clinic && !mayRequire ? (
          <Text size="sm">
            Requiring it applies to you too:{' '}
            <Anchor component={RouterLink} to="/account/two-factor">
              turn on two-factor sign-in for your own account
            </Anchor>{' '}
            first.
          </Text>
        ) : null}
        {failure ? (
          <Text c="red.8" size="sm" role="alert">
            {failure}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
