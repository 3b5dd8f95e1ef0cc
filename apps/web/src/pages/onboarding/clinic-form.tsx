import { useMutation } from '@apollo/client/react';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { placeServerError } from '../../api/form-errors';
import { CreatedNotice } from './created-notice';
import { CREATE_CLINIC } from './onboarding-queries';
import { timeZoneOptions } from './time-zones';
import { coordinateRule, emailRule, optionalPhoneRule, requiredText } from './validators';
import { FormFooter } from '../../components/form-footer';

interface ClinicValues {
  name: string;
  email: string;
  phone: string;
  timeZone: string | null;
  address: { line1: string; city: string; region: string; postalCode: string; country: string };
  location: { latitude: number | string; longitude: number | string };
}

const EMPTY: ClinicValues = {
  name: '',
  email: '',
  phone: '',
  timeZone: null,
  address: { line1: '', city: '', region: '', postalCode: '', country: 'US' },
  location: { latitude: '', longitude: '' },
};

interface Props {
  /** After creating: offer to add the clinic's first user. */
  onAddUser: (clinic: { id: string; name: string }) => void;
}

/** Onboards a clinic: its contact, the zone its times are shown in, its address and location. */
export function ClinicForm({ onAddUser }: Props) {
  const [zones] = useState(() => timeZoneOptions(new Date()));
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const [createClinic] = useMutation(CREATE_CLINIC);
  const form = useForm<ClinicValues>({
    initialValues: EMPTY,
    validate: {
      name: requiredText('the clinic’s name', 200),
      email: emailRule,
      phone: optionalPhoneRule,
      timeZone: (value) => (value ? null : 'Choose the time zone the clinic works in'),
      address: {
        line1: requiredText('the street address', 200),
        city: requiredText('the city', 120),
        region: (value) => (value.trim().length > 120 ? 'At most 120 characters' : null),
        postalCode: requiredText('the postal code', 20),
        country: (value) => (/^[A-Za-z]{2}$/.test(value.trim()) ? null : 'Enter the two-letter country code, e.g. US'),
      },
      location: { latitude: coordinateRule('Latitude'), longitude: coordinateRule('Longitude') },
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setCreated(null);
    try {
      const result = await createClinic({
        variables: {
          input: {
            name: values.name.trim(),
            email: values.email.trim(),
            phone: values.phone.trim() || null,
            timeZone: values.timeZone ?? '',
            address: {
              line1: values.address.line1.trim(),
              city: values.address.city.trim(),
              region: values.address.region.trim() || null,
              postalCode: values.address.postalCode.trim(),
              country: values.address.country.trim().toUpperCase(),
            },
            location: { latitude: Number(values.location.latitude), longitude: Number(values.location.longitude) },
          },
        },
      });
      const clinic = result.data?.createClinic;
      if (clinic) {
        setCreated({ id: clinic.id, name: clinic.name });
        form.reset();
      }
    } catch (error) {
      setFailure(placeServerError(form, error));
    }
  });

  return (
    <Stack gap="md" component="section" aria-labelledby="create-clinic-title">
      <Title order={2} size="h4" id="create-clinic-title">
        Create a clinic
      </Title>
      {created ? (
        <CreatedNotice title={`Clinic “${created.name}” created`} id={created.id}>
          <Group>
            <Button size="xs" onClick={() => onAddUser(created)}>
              Add a user to this clinic
            </Button>
          </Group>
        </CreatedNotice>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Name" required maxLength={200} autoComplete="off" {...form.getInputProps('name')} />
            <Select
              label="Time zone"
              description="Every time is shown to the clinic in this zone"
              placeholder="Search, e.g. Chicago"
              required
              searchable
              limit={100}
              nothingFoundMessage="No zone matches"
              data={zones}
              {...form.getInputProps('timeZone')}
            />
            <TextInput label="Email" type="email" required maxLength={254} autoComplete="off" {...form.getInputProps('email')} />
            <TextInput label="Phone" type="tel" maxLength={32} autoComplete="off" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <Text fw={600} size="sm" mt="xs" component="h3">
            Address
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Street address" required maxLength={200} autoComplete="off" {...form.getInputProps('address.line1')} />
            <TextInput label="City" required maxLength={120} autoComplete="off" {...form.getInputProps('address.city')} />
            <TextInput label="State or region" maxLength={120} autoComplete="off" {...form.getInputProps('address.region')} />
            <TextInput label="Postal code" required maxLength={20} autoComplete="off" {...form.getInputProps('address.postalCode')} />
            <TextInput label="Country" description="Two-letter code, e.g. US" required maxLength={2} autoComplete="off" {...form.getInputProps('address.country')} />
          </SimpleGrid>
          <Text fw={600} size="sm" mt="xs" component="h3">
            Location
          </Text>
          <Text size="sm" c="dimmed">
            Where the clinic is on the map, in decimal degrees (a map app shows them for an address). Referrals from the clinic are matched to providers near it.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput label="Latitude" required min={-90} max={90} decimalScale={6} placeholder="e.g. 41.8781" {...form.getInputProps('location.latitude')} />
            <NumberInput label="Longitude" required min={-180} max={180} decimalScale={6} placeholder="e.g. -87.6298" {...form.getInputProps('location.longitude')} />
          </SimpleGrid>
          <FormFooter failure={failure} submitLabel="Create clinic" submitting={form.submitting} />
        </Stack>
      </form>
    </Stack>
  );
}
