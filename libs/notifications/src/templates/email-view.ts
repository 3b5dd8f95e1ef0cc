import { NotificationTemplate, RecipientKind } from '../notification.enums';

export interface ClinicContact {
  name: string;
  email: string;
  phone: string | null;
  /** IANA zone, e.g. America/Chicago. */
  timeZone: string;
  addressLine: string;
  city: string;
}

/**
 * Everything a template may show, read fresh by the worker when it sends. It deliberately
 * holds no diagnosis, conditions, free-text reason, assessment or notes: email is not a
 * channel for clinical content, so no template can leak it.
 */
export interface EmailView {
  template: NotificationTemplate;
  recipientKind: RecipientKind;
  referral: {
    /** Human reference such as RL-7K3QX9. */
    reference: string;
    /** Modality code, e.g. PHYSICAL_THERAPY. */
    modality: string;
    /** ROUTINE or URGENT. */
    priority: string;
    /** Current status code. */
    status: string;
    /** When the receiver must answer by (SENT), or null. */
    dueAt: Date | null;
    /** The appointment, for APPOINTMENT_SCHEDULED. */
    appointmentAt: Date | null;
  };
  /** Null for an open referral nobody has claimed yet (only its referrer is emailed then). */
  provider: { displayName: string; email: string } | null;
  /** The clinic that referred (the patient's own clinic). */
  referringClinic: ClinicContact;
  /** The target provider's clinic; null with the provider. */
  receivingClinic: ClinicContact | null;
  links: {
    /** Patient emails: the signed status page. */
    status: string | null;
    /** Patient emails: the signed unsubscribe page. */
    unsubscribe: string | null;
    /** Staff emails: where to open the referral in ReferLoop. */
    app: string;
  };
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
