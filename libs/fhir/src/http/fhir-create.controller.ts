import { Controller, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, AuditTrail } from '@referloop/common';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { transactionResponse } from '../bundle/transaction-response';
import { ifNoneExistIdentifier } from '../create/identifier-key';
import { postedResource } from '../create/posted-elements';
import { readServiceRequest } from '../create/posted-service-request';
import { readTransaction } from '../create/posted-transaction';
import { ReferralCreation, type CreatedReferral } from '../create/referral-creation';
import { startingStatus } from '../create/starting-status';
import { FhirError, refusedElement } from '../errors/fhir-error';
import { FhirExceptionFilter } from '../errors/fhir-exception.filter';
import type { ClinicalResource } from '../model/fhir-types';
import { readOne } from '../resources/resource-kind';
import { ResourceKinds } from '../resources/resource-kinds';
import { handlingOf, parseReadQuery } from '../search/search-request';
import { AuditedReads } from './audited-reads';
import { FhirCaller } from './fhir-caller';
import { fhirBaseUrl } from './fhir-paths';
import { sendFhir, versioned } from './fhir-reply';
import { postedJson } from './posted-json';
import { queryOf } from './request-query';

/**
 * Creating referrals through FHIR: `POST ServiceRequest` (for a patient the clinic has) and a
 * transaction Bundle posted to the base (a Patient to register with it, a Task that sends it).
 * Both go through GraphQL's creation (ReferralCreation), and both answer what was created as a
 * read shows it, read through the same search as a GET and audited as one.
 */
@Controller('fhir/R4')
@UseFilters(FhirExceptionFilter)
export class FhirCreateController {
  private readonly base: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly caller: FhirCaller,
    private readonly kinds: ResourceKinds,
    private readonly reads: AuditedReads,
    private readonly creation: ReferralCreation,
  ) {
    this.base = fhirBaseUrl(config);
  }

  /** 201 with the referral created, or 200 with the one an earlier request under the same identifier created. */
  @Post('ServiceRequest')
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const actor = await this.caller.actorOf(request);
    parseReadQuery(queryOf(request), handlingOf(request.headers.prefer));
    const read = readServiceRequest(postedResource(postedJson(request), 'ServiceRequest'), 'ServiceRequest', this.base);
    if ('fullUrl' in read.subject) {
      throw refusedElement('ServiceRequest.subject.reference', 'a urn: reference is to an entry of a transaction Bundle: post the Bundle to the base, or refer to Patient/<id>');
    }
    const created = await this.creation.create(actor, {
      request: read,
      requestPath: 'ServiceRequest',
      patient: { id: read.subject.id },
      status: startingStatus({ status: read.status, path: 'ServiceRequest.status' }, null),
      identifier: ifNoneExistIdentifier(oneHeader(request, 'if-none-exist')) ?? read.identifier,
    });
    const resource = await this.reads.run(actor, 'fhir create ServiceRequest', (trail) => this.read(actor, trail, 'ServiceRequest', created.referralId));
    if (created.isNew) reply.header('location', `${this.base}/ServiceRequest/${created.referralId}`);
    await sendFhir(versioned(reply, resource), created.isNew ? 201 : 200, resource);
  }

  /** A transaction creating one referral: 200 with a transaction-response Bundle, each entry saying 201 or 200 (R4 §3.1.0.11.2). */
  @Post()
  async transaction(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const actor = await this.caller.actorOf(request);
    parseReadQuery(queryOf(request), handlingOf(request.headers.prefer));
    const posted = readTransaction(postedResource(postedJson(request), 'Bundle'), this.base);
    const created = await this.creation.create(actor, {
      request: posted.request.read,
      requestPath: posted.request.path,
      patient: posted.patient,
      status: startingStatus({ status: posted.request.read.status, path: `${posted.request.path}.status` }, posted.task),
      identifier: posted.request.ifNoneExist ?? posted.request.read.identifier,
    });
    const registered = 'posted' in posted.patient && created.isNew;
    const outcomes = await this.reads.run(actor, 'fhir transaction', (trail) =>
      Promise.all(posted.order.map(async (type) => ({ resource: await this.read(actor, trail, type, idOf(type, created)), created: type === 'Patient' ? registered : created.isNew }))),
    );
    await sendFhir(reply, 200, transactionResponse(this.base, outcomes));
  }

  private read(actor: Actor, trail: AuditTrail, type: string, id: string): Promise<ClinicalResource> {
    return readOne(this.kinds.of(type), actor, id, trail);
  }
}

/** The id of what a transaction's entry became: the patient, or the referral (its ServiceRequest and its Task). */
const idOf = (type: string, created: CreatedReferral): string => (type === 'Patient' ? created.patientId : created.referralId);

/** A request header that may be given once: twice is refused rather than one of them picked. */
function oneHeader(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  if (Array.isArray(value)) throw new FhirError(400, 'invalid', `${name}: give it once`);
  return value;
}
