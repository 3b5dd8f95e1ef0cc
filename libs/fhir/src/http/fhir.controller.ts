import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { searchBundle } from '../bundle/search-bundle';
import { capabilityStatement } from '../capability/capability-statement';
import { FhirError, resourceNotFound } from '../errors/fhir-error';
import { FhirExceptionFilter } from '../errors/fhir-exception.filter';
import { ServiceRequestEverything } from '../everything/service-request-everything';
import type { ClinicalResource } from '../model/fhir-types';
import { ResourceKinds } from '../resources/resource-kinds';
import { handlingOf, parseReadQuery, parseSearch, readRequest } from '../search/search-request';
import { AuditedReads } from './audited-reads';
import { FhirCaller } from './fhir-caller';
import { fhirBaseUrl } from './fhir-paths';
import { sendFhir } from './fhir-reply';

const queryOf = (request: FastifyRequest) => new URL(request.url, 'http://fhir.invalid').searchParams;

/**
 * The FHIR R4 API: the CapabilityStatement, read and search of each resource type served, and
 * a referral's $everything. Read only. Every answer is FHIR JSON, every failure an
 * OperationOutcome (FhirExceptionFilter), and everything but the CapabilityStatement needs the
 * caller's bearer token, checked before anything else so that an anonymous caller learns nothing.
 */
@Controller('fhir/R4')
@UseFilters(FhirExceptionFilter)
export class FhirController {
  private readonly base: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly caller: FhirCaller,
    private readonly kinds: ResourceKinds,
    private readonly reads: AuditedReads,
    private readonly everything: ServiceRequestEverything,
  ) {
    this.base = fhirBaseUrl(config);
  }

  /** What the server supports; public, as FHIR expects of it (it names nobody's data). */
  @Get('metadata')
  async metadata(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    parseReadQuery(queryOf(request), handlingOf(request.headers.prefer));
    const statement = capabilityStatement(this.base, this.kinds.all, [this.everything.declaration], this.config.corsOrigins.length > 0);
    await sendFhir(reply, 200, statement);
  }

  @Get(':type')
  async search(@Param('type') type: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const actor = await this.caller.actorOf(request);
    const kind = this.kinds.of(type);
    const search = parseSearch(type, kind.parameters, queryOf(request), handlingOf(request.headers.prefer));
    const page = await this.reads.run(actor, `fhir search ${type}`, (trail) => kind.search(actor, search, trail));
    await sendFhir(reply, 200, searchBundle(this.base, type, page, search));
  }

  @Get(':type/:id')
  async read(@Param('type') type: string, @Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const actor = await this.caller.actorOf(request);
    const kind = this.kinds.of(type);
    parseReadQuery(queryOf(request), handlingOf(request.headers.prefer));
    const page = await this.reads.run(actor, `fhir read ${type}`, (trail) => kind.search(actor, readRequest(kind.parameters, id), trail));
    const resource = page.resources[0];
    if (!resource) throw resourceNotFound(type, id);
    await sendFhir(versioned(reply, resource), 200, resource);
  }

  /** `$everything` of a ServiceRequest, the one operation served. */
  @Get(':type/:id/:operation')
  async operation(
    @Param('type') type: string,
    @Param('id') id: string,
    @Param('operation') operation: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const actor = await this.caller.actorOf(request);
    const { declaration } = this.everything;
    if (type !== declaration.type || operation !== `$${declaration.name}`) {
      throw new FhirError(404, 'not-supported', `${type}/{id}/${operation} is not served; GET /fhir/R4/metadata lists what is`);
    }
    parseReadQuery(queryOf(request), handlingOf(request.headers.prefer));
    const bundle = await this.reads.run(actor, 'fhir ServiceRequest/$everything', (trail) => this.everything.of(actor, id, trail, this.base));
    await sendFhir(reply, 200, bundle);
  }
}

/** A read's answer says which version it is and when it last changed (ETag, Last-Modified), where the resource keeps them. */
function versioned(reply: FastifyReply, resource: ClinicalResource): FastifyReply {
  const { versionId, lastUpdated } = resource.meta ?? {};
  if (versionId) reply.header('etag', `W/"${versionId}"`);
  if (lastUpdated) reply.header('last-modified', new Date(lastUpdated).toUTCString());
  return reply;
}
