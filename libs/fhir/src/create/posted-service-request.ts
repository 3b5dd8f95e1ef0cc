import { refusedElement } from '../errors/fhir-error';
import { RED_FLAGS_NOTE } from '../mappers/service-request.mapper';
import { REQUEST_PRIORITY } from '../mappers/referral-parties';
import { REFERLOOP } from '../terminology/systems';
import { conditionOfCoding, MODALITY_CODINGS_READ, modalityOfCoding, techniqueOfCoding } from '../terminology/vocabulary-codings';
import { isOwnIdentifier, type ClientIdentifier } from './identifier-key';
import { codingsOf, conceptText, listAt, numberAt, objectAt, onlyElements, requiredText, textAt, type Posted } from './posted-elements';
import { identifierAt, literalTarget, logicalIdentifierOf, type PostedTarget } from './posted-references';

/** A ServiceRequest as posted, read into what createReferral takes. */
export interface PostedServiceRequest {
  /**
   * createReferral's input as a GraphQL client would send it, not yet checked: createReferral's
   * own DTO checks it next, so a code the domain does not know, a blank reason, too many visits
   * are refused by the same rules as in GraphQL. Without the patient, whether it is sent and the
   * idempotency key, which the request as a whole decides.
   */
  content: Record<string, unknown>;
  subject: PostedTarget;
  /** ServiceRequest.status as posted: it must be the status the referral starts in. */
  status: string;
  /** The client's own identifier of its request, if it gave one. */
  identifier: ClientIdentifier | null;
}

/** The elements read; every other one is refused (see onlyElements), but these, which the server sets itself. */
const READ = ['resourceType', 'identifier', 'status', 'intent', 'priority', 'category', 'code', 'orderDetail', 'occurrenceTiming', 'subject', 'performer', 'reasonCode', 'note', 'extension'];
const SET_BY_THE_SERVER = ['id', 'meta', 'text', 'language', 'authoredOn', 'requester'];

/** The one intent a referral has: an order to the provider it goes to. */
const INTENT = 'order';

/**
 * Reads a posted ServiceRequest (at `path`: `ServiceRequest`, or its place in a Bundle) into
 * createReferral's input. Only how FHIR says each thing is checked here (which code system,
 * which kind of reference); what the domain allows is left to createReferral's rules.
 */
export function readServiceRequest(resource: Posted, path: string, base: string): PostedServiceRequest {
  onlyElements(resource, path, READ, SET_BY_THE_SERVER);
  const intent = requiredText(resource.intent, `${path}.intent`, INTENT);
  if (intent !== INTENT) throw refusedElement(`${path}.intent`, `a referral is an ${INTENT}, not '${intent.slice(0, 40)}'`);
  const notes = notesOf(resource.note, `${path}.note`);
  const conditions = listAt(resource.reasonCode, `${path}.reasonCode`).map((concept, index) => codeIn(concept, `${path}.reasonCode[${index}]`, conditionOfCoding, REFERLOOP.condition));
  const orderDetail = resource.orderDetail === undefined ? undefined : listAt(resource.orderDetail, `${path}.orderDetail`);
  return {
    content: {
      modality: modalityOf(resource, path),
      conditions,
      techniques: orderDetail?.map((concept, index) => codeIn(concept, `${path}.orderDetail[${index}]`, techniqueOfCoding, REFERLOOP.technique)),
      priority: priorityOf(resource.priority, `${path}.priority`),
      // The referrer's words; without a note, what the conditions say (the reason is required).
      reason: notes.reason ?? reasonFromConditions(resource.reasonCode, `${path}.reasonCode`),
      redFlags: notes.redFlags,
      ...visitsOf(resource.occurrenceTiming, `${path}.occurrenceTiming`),
      consentToShare: consentOf(resource.extension, `${path}.extension`),
      toProviderId: performerOf(resource.performer, `${path}.performer`, base),
    },
    subject: subjectOf(resource.subject, `${path}.subject`, base),
    status: requiredText(resource.status, `${path}.status`, 'draft (or active with a Task that sends it)'),
    identifier: identifierIn(resource.identifier, `${path}.identifier`),
  };
}

/** The modality: coded in `code`, or else in a `category` (where some EHRs put the service type). One, never two. */
function modalityOf(resource: Posted, path: string): string {
  const modalitiesIn = (concepts: Array<readonly [unknown, string]>) =>
    new Set(concepts.flatMap(([concept, at]) => codingsOf(concept, at).map(modalityOfCoding)).filter((modality) => modality !== null));
  const inCode = modalitiesIn(resource.code === undefined ? [] : [[resource.code, `${path}.code`]]);
  const found = inCode.size > 0 ? inCode : modalitiesIn(listAt(resource.category, `${path}.category`).map((concept, index) => [concept, `${path}.category[${index}]`] as const));
  if (found.size === 0) throw refusedElement(`${path}.code`, `no modality ReferLoop has; code it in ${MODALITY_CODINGS_READ}`, 'required');
  if (found.size > 1) throw refusedElement(`${path}.code`, `codes ${found.size} modalities; a referral asks for one`);
  return [...found][0];
}

/** The code of a concept in the one system read for it (conditions, techniques); the domain's list then judges the code. */
function codeIn(concept: unknown, path: string, codeOf: (coding: { system: string; code: string }) => string | null, system: string): string {
  const code = codingsOf(concept, path).map(codeOf).find((found) => found !== null);
  if (!code) throw refusedElement(path, `code it in ${system} (docs/fhir.md lists the codes)`);
  return code;
}

function priorityOf(value: unknown, path: string): string | undefined {
  const priority = textAt(value, path);
  if (priority === undefined) return undefined;
  const known = (Object.keys(REQUEST_PRIORITY) as Array<keyof typeof REQUEST_PRIORITY>).find((domain) => REQUEST_PRIORITY[domain] === priority);
  if (!known) throw refusedElement(path, `${Object.values(REQUEST_PRIORITY).join(' or ')}, not '${priority.slice(0, 40)}'`);
  return known;
}

/** The notes as the read side writes them: the red flags in the note that begins "Red flags: ", the reason in the others. */
function notesOf(value: unknown, path: string): { reason?: string; redFlags?: string } {
  const texts = listAt(value, path).map((note, index) => requiredText(objectAt(note, `${path}[${index}]`).text, `${path}[${index}].text`, 'the words of the note').trim());
  const redFlags = texts.filter((text) => text.startsWith(RED_FLAGS_NOTE)).map((text) => text.slice(RED_FLAGS_NOTE.length).trim());
  const reason = texts.filter((text) => !text.startsWith(RED_FLAGS_NOTE));
  return { ...(reason.length > 0 && { reason: reason.join('\n\n') }), ...(redFlags.length > 0 && { redFlags: redFlags.join('\n\n') }) };
}

function reasonFromConditions(value: unknown, path: string): string | undefined {
  const words = listAt(value, path).map((concept, index) => conceptText(concept, `${path}[${index}]`)).filter((text) => text !== undefined);
  return words.length > 0 ? words.join('; ') : undefined;
}

/** Recommended visits (`repeat.count`) and visits a week (`repeat.frequency` per 1 `wk`), as the read side writes them. */
function visitsOf(value: unknown, path: string): { recommendedVisits?: number; visitsPerWeek?: number } {
  if (value === undefined) return {};
  const timing = objectAt(value, path);
  onlyElements(timing, path, ['repeat']);
  const at = `${path}.repeat`;
  const repeat = objectAt(timing.repeat, at);
  onlyElements(repeat, at, ['count', 'frequency', 'period', 'periodUnit']);
  const frequency = numberAt(repeat.frequency, `${at}.frequency`);
  if (frequency !== undefined && ((numberAt(repeat.period, `${at}.period`) ?? 1) !== 1 || textAt(repeat.periodUnit, `${at}.periodUnit`) !== 'wk')) {
    throw refusedElement(`${at}.periodUnit`, 'visits are counted per week: frequency per period 1, periodUnit wk');
  }
  const count = numberAt(repeat.count, `${at}.count`);
  return { ...(count !== undefined && { recommendedVisits: count }), ...(frequency !== undefined && { visitsPerWeek: frequency }) };
}

/** The patient's consent to share the referral with its receiver: ReferLoop's extension, false when absent. Other extensions may be ignored (R4 §2.1.0.4). */
function consentOf(value: unknown, path: string): boolean {
  const extensions = listAt(value, path).map((extension, index) => objectAt(extension, `${path}[${index}]`));
  const index = extensions.findIndex((extension, at) => textAt(extension.url, `${path}[${at}].url`) === REFERLOOP.consentExtension);
  if (index < 0) return false;
  const given = extensions[index].valueBoolean;
  if (typeof given !== 'boolean') throw refusedElement(`${path}[${index}].valueBoolean`, 'the consent is a valueBoolean');
  return given;
}

/** The provider it goes to: one PractitionerRole (or their Practitioner: a provider has the same id as both). */
function performerOf(value: unknown, path: string, base: string): string {
  const performers = listAt(value, path);
  if (performers.length !== 1) {
    throw refusedElement(path, 'give the one provider the referral is for, as PractitionerRole/<id> (open referrals to every provider nearby are not offered through FHIR)', 'required');
  }
  const target = literalTarget(performers[0], `${path}[0]`, ['PractitionerRole', 'Practitioner'], base);
  if ('fullUrl' in target) throw refusedElement(`${path}[0].reference`, 'a provider is one of ReferLoop\'s: PractitionerRole/<id>');
  return target.id;
}

/** The patient: `Patient/<id>`, the Bundle's Patient (its fullUrl), or by ReferLoop's patient identifier. */
function subjectOf(value: unknown, path: string, base: string): PostedTarget {
  if (value === undefined) throw refusedElement(path, 'is required: the patient referred (Patient/<id>, or the Patient of a transaction Bundle)', 'required');
  const identifier = logicalIdentifierOf(value, path);
  if (!identifier) return literalTarget(value, path, ['Patient'], base);
  if (identifier.system !== REFERLOOP.patientId) {
    throw refusedElement(`${path}.identifier.system`, `ReferLoop knows its patients by ${REFERLOOP.patientId} (the patient's id) only; it keeps no other identifiers`);
  }
  return { type: 'Patient', id: identifier.value };
}

/** The first identifier the client gave its request (the one that makes a repeated create idempotent). */
function identifierIn(value: unknown, path: string): ClientIdentifier | null {
  const identifiers = listAt(value, path).map((item, index) => identifierAt(item, `${path}[${index}]`));
  const own = identifiers.findIndex(isOwnIdentifier);
  if (own >= 0) throw refusedElement(`${path}[${own}]`, "ReferLoop's reference of a referral is given when it is created; identify your request with your own system and value");
  return identifiers[0] ?? null;
}
