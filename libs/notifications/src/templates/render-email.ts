import { NotificationTemplate, RecipientKind, ReferralTemplate } from '../notification.enums';
import { EmailContent, layOut, Row } from './email-layout';
import { ClinicContact, EmailView, RenderedEmail } from './email-view';
import { formatInZone } from './format-in-zone';
import { singleLine } from './text-safety';
import { modalityInWords, priorityInWords, statusInWords } from './words';

/** The view's values in words, each on one line, ready to be written into any template. */
interface Values {
  view: EmailView;
  /** An open referral nobody has claimed: there is no provider or receiving clinic to name. */
  unclaimed: boolean;
  reference: string;
  modality: string;
  provider: string;
  referringClinic: string;
  receivingClinic: string;
}

interface StaffValues extends Values {
  /** The answer deadline in the recipient's own clinic zone, or null when there is none. */
  due: string | null;
}

interface PatientValues extends Values {
  /** In the patient's clinic zone: the patient lives near the clinic that referred them. */
  appointment: string | null;
}

interface StaffWording {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** Label of the due-time row, for the emails where the deadline matters. */
  dueLabel?: string;
}

interface PatientWording {
  subject: string;
  heading: string;
  paragraphs: string[];
  /**
   * Whom the patient should ask. The receiving clinic while it is taking care of them; their own
   * clinic once the receiving clinic is out of the picture (declined, cancelled).
   */
  contact: 'receiving' | 'referring';
  showAppointment?: boolean;
}

type Template = (values: Values) => EmailContent;

function staff(write: (values: StaffValues) => StaffWording): Template {
  return (values) => {
    const { view } = values;
    // Each side reads deadlines in its own clinic's zone.
    const zone = view.recipientKind === RecipientKind.PROVIDER && view.receivingClinic !== null ? view.receivingClinic.timeZone : view.referringClinic.timeZone;
    const due = view.referral.dueAt === null ? null : formatInZone(view.referral.dueAt, zone);
    const wording = write({ ...values, due });
    const urgent = view.referral.priority === 'URGENT';
    const details: Row[] = [
      { label: 'Reference', value: values.reference },
      { label: 'Type of care', value: values.modality },
      { label: 'Priority', value: priorityInWords(view.referral.priority) },
      { label: 'Provider', value: values.provider },
      { label: 'Referring clinic', value: values.referringClinic },
      { label: 'Receiving clinic', value: values.receivingClinic },
      ...(wording.dueLabel !== undefined && due !== null ? [{ label: wording.dueLabel, value: due }] : []),
    ];
    return {
      // Staff sort their inbox by it; patients are never shown the clinical priority.
      subject: urgent ? `URGENT: ${wording.subject}` : wording.subject,
      heading: wording.heading,
      greeting: null,
      paragraphs: wording.paragraphs,
      details,
      contact: null,
      action: { label: 'Open in ReferLoop', url: view.links.app },
      footer: { text: `You receive this email because you work on referral ${values.reference} in ReferLoop.`, link: null },
    };
  };
}

function patient(write: (values: PatientValues) => PatientWording): Template {
  return (values) => {
    const { view } = values;
    const { status, unsubscribe } = view.links;
    // Without them the email would have no way to opt out; the worker must sign both.
    if (status === null || unsubscribe === null) {
      throw new Error(`Patient email ${view.template} needs links.status and links.unsubscribe`);
    }
    const appointment =
      view.referral.appointmentAt === null ? null : formatInZone(view.referral.appointmentAt, view.referringClinic.timeZone);
    const wording = write({ ...values, appointment });
    const details: Row[] = [
      { label: 'Type of care', value: values.modality },
      { label: 'Provider', value: values.provider },
      { label: 'Clinic', value: values.receivingClinic },
      { label: 'Status', value: statusInWords(view.referral.status) },
      ...(wording.showAppointment === true && appointment !== null ? [{ label: 'Appointment', value: appointment }] : []),
    ];
    const clinic = wording.contact === 'receiving' && view.receivingClinic !== null ? view.receivingClinic : view.referringClinic;
    return {
      subject: wording.subject,
      heading: wording.heading,
      // No name: an email may be read by someone else, and it needs none to be useful.
      greeting: 'Hello,',
      paragraphs: wording.paragraphs,
      details,
      contact: contactOf(clinic),
      action: { label: 'See the status of your referral', url: status },
      footer: {
        text: 'You receive this email because your clinic referred you through ReferLoop.',
        link: { label: 'Stop these emails', url: unsubscribe },
      },
    };
  };
}

function contactOf(clinic: ClinicContact): { heading: string; rows: Row[] } {
  const phone = clinic.phone === null ? '' : singleLine(clinic.phone);
  return {
    heading: `Questions? Contact ${singleLine(clinic.name)}`,
    rows: [...(phone === '' ? [] : [{ label: 'Phone', value: phone }]), { label: 'Email', value: singleLine(clinic.email) }],
  };
}

function answerBy(due: string | null): string {
  return due === null ? '' : ` by ${due}`;
}

const T = NotificationTemplate;
const K = RecipientKind;

/** Every email the pipeline sends; a pair missing here is one the pipeline must never ask for. */
const TEMPLATES: Record<ReferralTemplate, Partial<Record<RecipientKind, Template>>> = {
  [T.REFERRAL_SENT]: {
    [K.PROVIDER]: staff((v) => ({
      subject: `New referral ${v.reference} for ${v.modality}`,
      heading: `New referral for ${v.modality}`,
      paragraphs: [
        `${v.referringClinic} has referred a patient to ${v.provider} at ${v.receivingClinic}.`,
        `Please accept it, decline it or ask a question in ReferLoop${answerBy(v.due)}.`,
      ],
      dueLabel: 'Answer by',
    })),
    [K.PATIENT]: patient((v) => ({
      subject: `Your referral to ${v.provider} at ${v.receivingClinic}`,
      heading: `Your referral for ${v.modality}`,
      paragraphs: [
        `${v.referringClinic} has referred you to ${v.provider} at ${v.receivingClinic} for ${v.modality}.`,
        `Next step: ${v.receivingClinic} will review your referral and contact you.`,
      ],
      contact: 'receiving',
    })),
  },
  [T.INFO_REQUESTED]: {
    // The question itself stays in ReferLoop: it may be clinical.
    [K.REFERRER]: staff((v) => ({
      subject: `Question about referral ${v.reference}`,
      heading: 'The receiving clinic has a question',
      paragraphs: [
        `${v.receivingClinic} has asked a question about referral ${v.reference} for ${v.modality} to ${v.provider}.`,
        'Open ReferLoop to read and answer it. The response clock is paused until you do.',
      ],
    })),
  },
  [T.INFO_PROVIDED]: {
    [K.PROVIDER]: staff((v) => ({
      subject: `Answer received for referral ${v.reference}`,
      heading: 'The referring clinic has answered',
      paragraphs: [
        `${v.referringClinic} has answered the question about referral ${v.reference} for ${v.modality}. Read it in ReferLoop.`,
        `The response clock runs again: please accept or decline the referral${answerBy(v.due)}.`,
      ],
      dueLabel: 'Answer by',
    })),
  },
  [T.REFERRAL_ACCEPTED]: {
    [K.REFERRER]: staff((v) => ({
      subject: `Referral ${v.reference} accepted`,
      heading: 'Referral accepted',
      paragraphs: [
        `${v.provider} at ${v.receivingClinic} has accepted referral ${v.reference} for ${v.modality}.`,
        'They will contact the patient to book the first appointment.',
      ],
    })),
    [K.PATIENT]: patient((v) => ({
      subject: `${v.provider} has accepted your referral`,
      heading: 'Your referral has been accepted',
      paragraphs: [
        `${v.provider} at ${v.receivingClinic} has accepted your referral for ${v.modality}.`,
        'Next step: they will contact you to book your first appointment.',
      ],
      contact: 'receiving',
    })),
  },
  [T.REFERRAL_DECLINED]: {
    [K.REFERRER]: staff((v) => ({
      subject: `Referral ${v.reference} declined`,
      heading: 'Referral declined',
      paragraphs: [
        `${v.provider} at ${v.receivingClinic} has declined referral ${v.reference} for ${v.modality}.`,
        'Open ReferLoop to see why and redirect it to another provider.',
      ],
    })),
    // No reason: it can be clinical (a contraindication), and it is not the patient's to act on.
    [K.PATIENT]: patient((v) => ({
      subject: `An update on your referral for ${v.modality}`,
      heading: 'An update on your referral',
      paragraphs: [
        `${v.provider} at ${v.receivingClinic} is not able to take your referral for ${v.modality}.`,
        `Next step: we are finding another provider for you, and ${v.referringClinic} will be in touch.`,
      ],
      contact: 'referring',
    })),
  },
  [T.APPOINTMENT_SCHEDULED]: {
    [K.PATIENT]: patient((v) => ({
      subject: `Your ${v.modality} appointment is booked`,
      heading: 'Your appointment is booked',
      paragraphs: [
        v.appointment === null
          ? `Your appointment with ${v.provider} at ${v.receivingClinic} is booked; the clinic will confirm the time with you.`
          : `Your appointment with ${v.provider} at ${v.receivingClinic} is booked for ${v.appointment}.`,
        `Next step: go to your appointment. If you need to change it, contact ${v.receivingClinic}.`,
      ],
      contact: 'receiving',
      showAppointment: true,
    })),
  },
  [T.REFERRAL_COMPLETED]: {
    [K.REFERRER]: staff((v) => ({
      subject: `Outcome ready for referral ${v.reference}`,
      heading: 'Treatment complete: outcome ready',
      paragraphs: [
        `${v.provider} at ${v.receivingClinic} has completed treatment for referral ${v.reference} for ${v.modality}.`,
        'The outcome is ready: review and acknowledge it in ReferLoop to close the loop.',
      ],
    })),
    [K.PATIENT]: patient((v) => ({
      subject: `Your ${v.modality} treatment is complete`,
      heading: 'Your treatment is complete',
      paragraphs: [
        `${v.provider} at ${v.receivingClinic} has marked your ${v.modality} treatment as complete.`,
        `Next step: nothing is needed from you. If you have questions, contact ${v.receivingClinic}.`,
      ],
      contact: 'receiving',
    })),
  },
  // Either side can cancel, so the wording never says who did.
  [T.REFERRAL_CANCELLED]: {
    [K.PATIENT]: patient((v) => ({
      subject: `Your referral to ${v.provider} has been cancelled`,
      heading: 'Your referral has been cancelled',
      paragraphs: [
        `Your referral to ${v.provider} at ${v.receivingClinic} for ${v.modality} has been cancelled.`,
        `Next step: if you did not expect this, contact ${v.referringClinic}.`,
      ],
      contact: 'referring',
    })),
    [K.PROVIDER]: staff((v) => ({
      subject: `Referral ${v.reference} cancelled`,
      heading: 'Referral cancelled',
      paragraphs: [
        `Referral ${v.reference} for ${v.modality} from ${v.referringClinic} has been cancelled.`,
        'No further action is needed.',
      ],
    })),
    [K.REFERRER]: staff((v) => ({
      subject: `Referral ${v.reference} cancelled`,
      heading: 'Referral cancelled',
      paragraphs: [
        v.unclaimed
          ? `Open referral ${v.reference} for ${v.modality} has been cancelled before any provider took it.`
          : `Referral ${v.reference} for ${v.modality} to ${v.provider} at ${v.receivingClinic} has been cancelled.`,
        'No further action is needed.',
      ],
    })),
  },
  [T.REFERRAL_EXPIRED]: {
    [K.REFERRER]: staff((v) => ({
      subject: `Referral ${v.reference} expired without an answer`,
      heading: 'Referral expired',
      paragraphs: [
        v.unclaimed
          ? `No provider took open referral ${v.reference} for ${v.modality} in time.`
          : `${v.provider} at ${v.receivingClinic} did not answer referral ${v.reference} for ${v.modality} in time.`,
        'Open ReferLoop to redirect it to one of the suggested providers.',
      ],
      dueLabel: 'Answer was due',
    })),
  },
  [T.RESPONSE_REMINDER]: {
    [K.PROVIDER]: staff((v) => ({
      subject: `Reminder: referral ${v.reference} needs an answer`,
      heading: 'Referral waiting for your answer',
      paragraphs: [
        `Half of the time to answer referral ${v.reference} for ${v.modality} from ${v.referringClinic} has passed.`,
        `Please accept it, decline it or ask a question in ReferLoop${answerBy(v.due)}.`,
      ],
      dueLabel: 'Answer by',
    })),
  },
  // Attendance, progress and outcome stay in ReferLoop: the emails only say where to read them.
  [T.VISITS_MISSED]: {
    [K.REFERRER]: staff((v) => ({
      subject: `Missed visit on referral ${v.reference}`,
      heading: 'A visit was missed',
      paragraphs: [
        `The patient did not attend a ${v.modality} visit with ${v.provider} at ${v.receivingClinic} (referral ${v.reference}).`,
        'Open ReferLoop to see the visits, and consider contacting the patient.',
      ],
    })),
  },
  [T.PROGRESS_REPORT]: {
    [K.REFERRER]: staff((v) => ({
      subject: `Progress report for referral ${v.reference}`,
      heading: 'Progress report ready',
      paragraphs: [
        `${v.provider} at ${v.receivingClinic} has written a progress report on referral ${v.reference} for ${v.modality}.`,
        'Read it in ReferLoop.',
      ],
    })),
  },
  [T.OUTCOME_REMINDER]: {
    [K.REFERRER]: staff((v) => ({
      subject: `Reminder: outcome of referral ${v.reference} is waiting`,
      heading: 'An outcome is waiting for you',
      paragraphs: [
        `${v.provider} at ${v.receivingClinic} completed treatment for referral ${v.reference} for ${v.modality} and reported the outcome.`,
        'Please review and acknowledge it in ReferLoop to close the loop.',
      ],
    })),
  },
};

/** Throws for a (template, recipient kind) pair that has no email: the caller asked for the impossible. */
export function renderEmail(view: EmailView): RenderedEmail {
  // Own properties only: the codes arrive as strings, and "constructor" must not find a function.
  const byKind = Object.hasOwn(TEMPLATES, view.template) ? TEMPLATES[view.template as ReferralTemplate] : {};
  const template = Object.hasOwn(byKind, view.recipientKind) ? byKind[view.recipientKind] : undefined;
  if (template === undefined) {
    throw new Error(`No email template for (${view.template}, ${view.recipientKind})`);
  }
  return layOut(
    template({
      view,
      reference: singleLine(view.referral.reference),
      modality: modalityInWords(view.referral.modality),
      unclaimed: view.provider === null,
      provider: view.provider === null ? 'not taken yet (open referral)' : singleLine(view.provider.displayName),
      referringClinic: singleLine(view.referringClinic.name),
      receivingClinic: view.receivingClinic === null ? 'not taken yet (open referral)' : singleLine(view.receivingClinic.name),
    }),
  );
}
