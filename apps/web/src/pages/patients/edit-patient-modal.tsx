import { useMutation } from '@apollo/client/react';
import { Alert, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMailOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { PatientsPatientFieldsFragment } from '../../gql/graphql';
import { placeServerError } from '../../api/form-errors';
import { patientFormValues, patientValidation, toUpdatePatientInput, type PatientFormValues } from './patient-form-values';
import { PatientFormFields } from './patient-form-fields';
import { UPDATE_PATIENT } from './patient-queries';
import { FormFooter } from '../../components/form-footer';

interface Props {
  patient: PatientsPatientFieldsFragment;
  onClose: () => void;
  today: string;
}

/** Edits a patient. Mounted while open, so it always starts from the patient as last loaded. */
export function EditPatientModal({ patient, onClose, today }: Props) {
  const [before] = useState(() => patientFormValues(patient));
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<PatientFormValues>({ initialValues: before, validate: patientValidation(today) });
  // The answer is the patient, cached by id: the page behind updates from it.
  const [updatePatient] = useMutation(UPDATE_PATIENT);
  const withdrawing = before.emailConsent && !form.values.emailConsent;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const input = toUpdatePatientInput(patient.id, before, values);
    if (!input) {
      onClose();
      return;
    }
    try {
      await updatePatient({ variables: { input } });
      notifications.show({ color: 'green', message: withdrawing ? 'Saved. The patient gets no more status emails.' : 'Patient saved.' });
      onClose();
    } catch (error) {
      setFailure(placeServerError(form, error));
    }
  });

  return (
    <Modal opened onClose={onClose} title={`Edit ${patient.firstName} ${patient.lastName}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PatientFormFields form={form} today={today} />
          {withdrawing ? (
            <Alert color="orange" variant="light" icon={<IconMailOff aria-hidden />} title="Withdrawing consent to status emails">
              From the moment you save, no status email goes to this patient about any of their referrals, including any still waiting to be sent.
              Emails already sent cannot be recalled. Clinics and providers are still emailed. If the patient agrees again later, tick the box again.
            </Alert>
          ) : null}
          <FormFooter failure={failure} submitLabel="Save" submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
