import { useMutation } from '@apollo/client/react';
import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { placeServerError } from '../../api/form-errors';
import { EMPTY_PATIENT, patientValidation, toCreatePatientInput, type PatientFormValues } from './patient-form-values';
import { PatientFormFields } from './patient-form-fields';
import { CREATE_PATIENT } from './patient-queries';
import { FormFooter } from '../../components/form-footer';

interface Props {
  opened: boolean;
  onClose: () => void;
  clinicId: string;
  clinicName: string;
  today: string;
  /** Instead of opening the new patient's page (the new-referral form keeps the user where they are). */
  onCreated?: (patientId: string) => void;
}

/** Registers a patient in the viewer's clinic, then opens the patient. */
export function NewPatientModal({ opened, onClose, clinicId, clinicName, today, onCreated }: Props) {
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<PatientFormValues>({ initialValues: EMPTY_PATIENT, validate: patientValidation(today) });
  const [createPatient] = useMutation(CREATE_PATIENT, {
    // Every cached patient list (any search) is stale now: dropped, so the next one shown is fetched.
    update: (cache) => {
      cache.evict({ fieldName: 'patients' });
      cache.gc();
    },
  });

  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await createPatient({ variables: { input: toCreatePatientInput(values, clinicId) } });
      const patient = result.data?.createPatient;
      if (!patient) return;
      notifications.show({ color: 'green', message: `${patient.firstName} ${patient.lastName} is registered.` });
      close();
      if (onCreated) onCreated(patient.id);
      else await navigate(`/patients/${patient.id}`);
    } catch (error) {
      setFailure(placeServerError(form, error));
    }
  });

  return (
    <Modal opened={opened} onClose={close} title="New patient" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">The patient is registered in {clinicName}. Your clinic sees them; a clinic you send a referral to sees them with that referral.</Text>
          <PatientFormFields form={form} today={today} />
          <FormFooter failure={failure} submitLabel="Register patient" submitting={form.submitting} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
