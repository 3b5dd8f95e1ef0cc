import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useViewer } from '../../layout/viewer';
import { ClinicForm } from './clinic-form';
import { ProviderForm, type ProviderPrefill } from './provider-form';
import { UserForm, type CreatedUser } from './user-form';

type Step = 'clinic' | 'user' | 'provider';

/** A hand-over from one tab to the next; a new `key` remounts the target form with it. */
interface Handover<T> {
  key: number;
  value: T;
}

/**
 * Onboarding a clinic, in the order it happens: the clinic, its users, then a profile for each
 * provider. Each step can hand what it created to the next (the new clinic's id, the new
 * provider user), since the API has no list of clinics or users to pick them from.
 */
export function OnboardingPage() {
  const viewer = useViewer();
  const [step, setStep] = useState<Step>('clinic');
  const [userClinic, setUserClinic] = useState<Handover<string> | null>(null);
  const [providerUser, setProviderUser] = useState<Handover<ProviderPrefill> | null>(null);

  if (!viewer.isPlatformAdmin) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          Onboarding
        </Title>
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title="Only platform admins onboard clinics" role="note">
          <Text size="sm">Ask your ReferLoop platform admin to create a clinic, a user or a provider profile.</Text>
        </Alert>
      </Stack>
    );
  }

  const addUserTo = (clinic: { id: string }) => {
    setUserClinic({ key: Date.now(), value: clinic.id });
    setStep('user');
  };
  const createProfileFor = (user: CreatedUser) => {
    setProviderUser({ key: Date.now(), value: { userId: user.id, clinicId: user.clinicId ?? '', displayName: user.displayName, email: user.email } });
    setStep('provider');
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Onboarding
      </Title>
      {/* keepMounted (the default): what is typed in one tab survives a look at another. */}
      <Tabs value={step} onChange={(next) => setStep((next as Step | null) ?? 'clinic')}>
        <Tabs.List>
          <Tabs.Tab value="clinic">1. Clinic</Tabs.Tab>
          <Tabs.Tab value="user">2. User</Tabs.Tab>
          <Tabs.Tab value="provider">3. Provider profile</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="clinic" pt="md">
          <ClinicForm onAddUser={addUserTo} />
        </Tabs.Panel>
        <Tabs.Panel value="user" pt="md">
          <UserForm key={userClinic?.key ?? 0} clinicId={userClinic?.value} onCreateProfile={createProfileFor} focusOnMount={userClinic !== null} />
        </Tabs.Panel>
        <Tabs.Panel value="provider" pt="md">
          <ProviderForm key={providerUser?.key ?? 0} prefill={providerUser?.value} focusOnMount={providerUser !== null} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
