import { Injectable } from '@nestjs/common';
import { unknownResourceType } from '../errors/fhir-error';
import { Organizations } from './organizations';
import { Patients } from './patients';
import { PractitionerRoles } from './practitioner-roles';
import { Practitioners } from './practitioners';
import type { ResourceKind } from './resource-kind';
import { CarePlans } from './care-plans';
import { Goals } from './goals';
import { Observations } from './observations';
import { ServiceRequests } from './service-requests';
import { Tasks } from './tasks';

/** The resource types served, in the order the CapabilityStatement lists them. */
@Injectable()
export class ResourceKinds {
  readonly all: readonly ResourceKind[];

  constructor(
    serviceRequests: ServiceRequests,
    tasks: Tasks,
    observations: Observations,
    carePlans: CarePlans,
    goals: Goals,
    patients: Patients,
    practitioners: Practitioners,
    roles: PractitionerRoles,
    organizations: Organizations,
  ) {
    this.all = [serviceRequests, tasks, observations, carePlans, goals, patients, practitioners, roles, organizations];
  }

  /** The kind of a type named in a URL; a type not served is a 404 (as for an unknown one). */
  of(type: string): ResourceKind {
    const kind = this.all.find((candidate) => candidate.type === type);
    if (!kind) throw unknownResourceType(type);
    return kind;
  }
}

export const RESOURCE_KIND_PROVIDERS = [ServiceRequests, Tasks, Observations, CarePlans, Goals, Patients, Practitioners, PractitionerRoles, Organizations, ResourceKinds];
