import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { searchBundle } from '../bundle/search-bundle';
import { capabilityStatement } from '../capability/capability-statement';
import { FhirError } from '../errors/fhir-error';
import { FhirExceptionFilter } from '../errors/fhir-exception.filter';
import { ServiceRequestEverything } from '../everything/service-request-everything';
import { readOne } from '../resources/resource-kind';
import { ResourceKinds } from '../resources/resource-kinds';
import { handlingOf, parseReadQuery, parseSearch } from '../search/search-request';
import { AuditedReads } from './audited-reads';
import { FhirCaller } from './fhir-caller';
import { fhirBaseUrl } from './fhir-paths';
import { sendFhir, versioned } from './fhir-reply';
import { queryOf } from './request-query';

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
    const resource = await this.reads.run(actor, `fhir read ${type}`, (trail) => readOne(kind, actor, id, trail));
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

