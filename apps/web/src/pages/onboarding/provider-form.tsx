import { useMutation } from '@apollo/client/react';
import { Checkbox, MultiSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CONDITION_WORDS, TECHNIQUE_WORDS } from '@vocabulary/vocabulary-words';
import { useEffect, useRef, useState } from 'react';
import type { Condition, Modality, Technique } from '../../gql/graphql';
import { conditionLabel, MODALITY_LABELS, techniqueLabel } from '../../lib/labels';
import { ClinicIdInput } from './clinic-id-input';
import { CreatedNotice } from './created-notice';
import { placeServerError } from '../../api/form-errors';
import { languageOptions } from './languages';
import { CREATE_PROVIDER } from './onboarding-queries';
import { coordinateRule, emailRule, idRule, requiredText } from './validators';
import { FormFooter } from '../../components/form-footer';

interface ProviderValues {
  userId: string;
  clinicId: string;
  displayName: string;
  email: string;
  modalities: Modality[];
  techniques: Technique[];
  conditions: Condition[];
  weeklyCapacity: number | string;
  acceptingNewPatients: boolean;
  location: { latitude: number | string; longitude: number | string };
  postalCode: string;
  city: string;
  languages: string[];
}

/** What the provider form starts from; the user form hands over the user just created. */
export interface ProviderPrefill {
  userId: string;
  clinicId: string;
  displayName: string;
  email: string;
}

const EMPTY: ProviderValues = {
  userId: '',
  clinicId: '',
  displayName: '',
  email: '',
  modalities: [],
  techniques: [],
  conditions: [],
  weeklyCapacity: 10,
  acceptingNewPatients: true,
  location: { latitude: '', longitude: '' },
  postalCode: '',
  city: '',
  languages: [],
};

const MODALITY_OPTIONS = (Object.keys(MODALITY_LABELS) as Modality[]).map((value) => ({ value, label: MODALITY_LABELS[value] }));
const TECHNIQUE_OPTIONS = (Object.keys(TECHNIQUE_WORDS) as Technique[]).map((value) => ({ value, label: techniqueLabel(value) }));
const CONDITION_OPTIONS = (Object.keys(CONDITION_WORDS) as Condition[]).map((value) => ({ value, label: conditionLabel(value) }));

/** Gives a PROVIDER user the profile that referrals are matched against. */
export function ProviderForm({ prefill, focusOnMount = false }: { prefill?: ProviderPrefill; focusOnMount?: boolean }) {
  const [languages] = useState(() => languageOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Handed over from another tab: the button pressed there is hidden now, so focus comes here.
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  const [created, setCreated] = useState<{ id: string; displayName: string } | null>(null);
  const [createProvider] = useMutation(CREATE_PROVIDER);
  const form = useForm<ProviderValues>({
    initialValues: { ...EMPTY, ...prefill },
    validate: {
      userId: idRule('the user’s id'),
      clinicId: idRule('the clinic’s id'),
      displayName: requiredText('the name shown in the directory', 120),
      email: emailRule,
      modalities: (value) => (value.length > 0 ? null : 'Choose at least one modality'),
      weeklyCapacity: (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 500 ? null : 'A whole number from 0 to 500'),
      location: { latitude: coordinateRule('Latitude'), longitude: coordinateRule('Longitude') },
      postalCode: (value) => (!value.trim() || /^[A-Za-z0-9][A-Za-z0-9 -]*$/.test(value.trim()) ? null : 'Letters, digits, spaces and "-" only'),
      city: (value) => (value.trim().length > 120 ? 'At most 120 characters' : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setCreated(null);
    try {
      const result = await createProvider({
        variables: {
          input: {
            userId: values.userId.trim(),
            clinicId: values.clinicId.trim(),
            displayName: values.displayName.trim(),
            email: values.email.trim(),
            modalities: values.modalities,
            techniques: values.techniques,
            conditions: values.conditions,
            weeklyCapacity: Number(values.weeklyCapacity),
            acceptingNewPatients: values.acceptingNewPatients,
            location: { latitude: Number(values.location.latitude), longitude: Number(values.location.longitude) },
            postalCode: values.postalCode.trim() || undefined,
            city: values.city.trim() || undefined,
            languages: values.languages,
          },
        },
      });
      const provider = result.data?.createProvider;
      if (provider) {
        setCreated({ id: provider.id, displayName: provider.displayName });
        form.setInitialValues(EMPTY);
        form.reset();
      }
    } catch (error) {
      setFailure(placeServerError(form, error));
    }
  });

  return (
    <Stack gap="md" component="section" aria-labelledby="create-provider-title">
      <Title order={2} size="h4" id="create-provider-title" ref={headingRef} tabIndex={-1}>
        Create a provider profile
      </Title>
      <Text size="sm" c="dimmed">
        For a user with the Provider role who has no profile yet, in that user&apos;s clinic. The profile is what referrals are matched against.
      </Text>
      {created ? (
        <CreatedNotice title={`Provider profile for ${created.displayName} created`} id={created.id}>
          <Text size="sm">They now appear in the provider directory and can receive referrals.</Text>
        </CreatedNotice>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="User id"
              description="The id shown when the Provider user was created"
              required
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('userId')}
            />
            <ClinicIdInput inputProps={form.getInputProps('clinicId')} value={form.values.clinicId} />
            <TextInput label="Display name" description="Shown in the directory and on referrals" required maxLength={120} autoComplete="off" {...form.getInputProps('displayName')} />
            <TextInput label="Email" description="Where referrals are emailed" type="email" required maxLength={254} autoComplete="off" {...form.getInputProps('email')} />
          </SimpleGrid>
          <Text fw={600} size="sm" mt="xs" component="h3">
            What they treat
          </Text>
          <MultiSelect label="Modalities" required data={MODALITY_OPTIONS} searchable {...form.getInputProps('modalities')} />
          <MultiSelect label="Techniques" data={TECHNIQUE_OPTIONS} searchable clearable {...form.getInputProps('techniques')} />
          <MultiSelect label="Conditions" data={CONDITION_OPTIONS} searchable clearable {...form.getInputProps('conditions')} />
          <MultiSelect label="Languages" description="The languages they treat in" data={languages} searchable clearable limit={50} {...form.getInputProps('languages')} />
          <Text fw={600} size="sm" mt="xs" component="h3">
            Capacity and place
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput label="Weekly capacity" description="New patients they can take a week" required min={0} max={500} allowDecimal={false} allowNegative={false} {...form.getInputProps('weeklyCapacity')} />
            <Checkbox
              label="Accepting new patients"
              description="Unticked, they are left out of matching and open referrals"
              mt={{ base: 0, sm: 'lg' }}
              {...form.getInputProps('acceptingNewPatients', { type: 'checkbox' })}
            />
            <NumberInput label="Latitude" description="Where they practise, in decimal degrees" required min={-90} max={90} decimalScale={6} {...form.getInputProps('location.latitude')} />
            <NumberInput label="Longitude" description="Matching measures distance from here" required min={-180} max={180} decimalScale={6} {...form.getInputProps('location.longitude')} />
            <TextInput label="City" maxLength={120} autoComplete="off" {...form.getInputProps('city')} />
            <TextInput label="Postal code" maxLength={20} autoComplete="off" {...form.getInputProps('postalCode')} />
          </SimpleGrid>
          <FormFooter failure={failure} submitLabel="Create provider profile" submitting={form.submitting} />
        </Stack>
      </form>
    </Stack>
  );
}
