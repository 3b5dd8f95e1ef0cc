import { refusedElement } from '../errors/fhir-error';
import { ifNoneExistIdentifier, type ClientIdentifier } from './identifier-key';
import { listAt, objectAt, requiredText, textAt, type Posted } from './posted-elements';
import { readPatient, type PostedPatient } from './posted-patient';
import type { PostedTarget } from './posted-references';
import { readServiceRequest, type PostedServiceRequest } from './posted-service-request';
import { readTask } from './posted-task';
import type { PostedStatus } from './starting-status';

/** The resource types a transaction may hold, each at most once: the referral, its new patient, and its workflow. */
export const TRANSACTION_TYPES = ['ServiceRequest', 'Patient', 'Task'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** One entry of a posted transaction: where it is (the entry, and its resource), and its fullUrl (how the others refer to it). */
interface Placed {
  entryPath: string;
  path: string;
  fullUrl: string | null;
}

/** A transaction Bundle, read: one referral, its patient (one the clinic has, or the Patient entry to register), the Task that says whether to send it. */
export interface PostedTransaction {
  /** The types of the entries in the order posted: the answer's entries follow it. */
  order: TransactionType[];
  request: { path: string; read: PostedServiceRequest; ifNoneExist: ClientIdentifier | null };
  patient: { id: string } | { posted: PostedPatient; path: string };
  task: PostedStatus | null;
}

/**
 * Reads a `transaction` Bundle that creates one referral: its ServiceRequest, with a Patient to
 * register (the ServiceRequest's subject refers to the Patient entry's fullUrl, a urn:uuid) or
 * a subject the clinic already has, and optionally a Task whose status says whether to send it.
 * Each entry is a POST of its type. Anything else (a second referral, another type, another
 * method, a Patient nothing refers to) is refused naming the entry: a transaction is all or
 * nothing, so nothing in it may be quietly left out.
 */
export function readTransaction(bundle: Posted, base: string): PostedTransaction {
  const type = requiredText(bundle.type, 'Bundle.type', 'transaction');
  if (type !== 'transaction') throw refusedElement('Bundle.type', `transaction, not '${type.slice(0, 40)}': the base takes a transaction that creates a referral`, 'not-supported');
  const entries = listAt(bundle.entry, 'Bundle.entry').map((entry, index) => entryOf(entry, `Bundle.entry[${index}]`));
  const fullUrls = entries.flatMap((entry) => (entry.fullUrl === null ? [] : [entry.fullUrl]));
  if (new Set(fullUrls).size !== fullUrls.length) throw refusedElement('Bundle.entry', 'each entry has a fullUrl of its own');
  const only = (wanted: TransactionType) => {
    const found = entries.filter((entry) => entry.type === wanted);
    if (found.length > 1) throw refusedElement(found[1].path, `a transaction creates one referral: one ${wanted} at most`, 'not-supported');
    return found[0] ?? null;
  };
  const [request, patient, task] = [only('ServiceRequest'), only('Patient'), only('Task')];
  if (!request) throw refusedElement('Bundle.entry', 'a transaction creates a referral: give it a ServiceRequest entry', 'required');
  for (const entry of [patient, task]) {
    if (entry?.ifNoneExist !== undefined) throw refusedElement(`${entry.entryPath}.request.ifNoneExist`, "a conditional create is for the ServiceRequest: its identifier is the request's", 'not-supported');
  }
  const read = readServiceRequest(request.resource, request.path, base);
  return {
    order: entries.map((entry) => entry.type),
    request: { path: request.path, read, ifNoneExist: ifNoneExistIdentifier(request.ifNoneExist, `${request.entryPath}.request.ifNoneExist`) },
    patient: patientOf(read.subject, `${request.path}.subject`, patient, base),
    task: task && readTask(task.resource, task.path, fullUrlOf(request)),
  };
}

/** The referral's patient: the Patient entry to register, which the subject must refer to by its fullUrl, or else the patient the subject names. */
function patientOf(subject: PostedTarget, path: string, entry: Entry | null, base: string): PostedTransaction['patient'] {
  if (entry) {
    if (!('fullUrl' in subject && subject.fullUrl === entry.fullUrl)) throw refusedElement(path, "the Bundle's Patient is the subject: refer to its entry's fullUrl");
    return { posted: readPatient(entry.resource, entry.path, base), path: entry.path };
  }
  if ('fullUrl' in subject) throw refusedElement(`${path}.reference`, 'no Patient entry of the Bundle has this fullUrl');
  return { id: subject.id };
}

/** The fullUrl others refer to an entry by: required of the ServiceRequest when a Task is about it. */
function fullUrlOf(entry: Entry): string {
  if (!entry.fullUrl) throw refusedElement(`${entry.entryPath}.fullUrl`, 'is required: the Task refers to the ServiceRequest by it (urn:uuid:…)', 'required');
  return entry.fullUrl;
}

/** An entry: a POST of a resource of one of the types a transaction may hold. */
type Entry = Placed & { type: TransactionType; resource: Posted; ifNoneExist: string | undefined };

function entryOf(value: unknown, at: string): Entry {
  const entry = objectAt(value, at);
  const resource = objectAt(entry.resource, `${at}.resource`);
  const type = TRANSACTION_TYPES.find((candidate) => candidate === resource.resourceType);
  if (!type) {
    const named = typeof resource.resourceType === 'string' ? resource.resourceType.slice(0, 64) : 'a resource without resourceType';
    throw refusedElement(`${at}.resource`, `${named} is not created here: a transaction holds a ServiceRequest, its Patient and its Task`, 'not-supported');
  }
  const request = objectAt(entry.request, `${at}.request`);
  const method = requiredText(request.method, `${at}.request.method`, 'POST');
  if (method !== 'POST') throw refusedElement(`${at}.request.method`, `POST (create), not ${method.slice(0, 10)}: nothing is updated or deleted through FHIR`, 'not-supported');
  const url = requiredText(request.url, `${at}.request.url`, type);
  if (url !== type) throw refusedElement(`${at}.request.url`, `${type} (the type of the entry's resource), not '${url.slice(0, 64)}'`);
  return { type, resource, entryPath: at, path: `${at}.resource`, fullUrl: textAt(entry.fullUrl, `${at}.fullUrl`) ?? null, ifNoneExist: textAt(request.ifNoneExist, `${at}.request.ifNoneExist`) };
}
