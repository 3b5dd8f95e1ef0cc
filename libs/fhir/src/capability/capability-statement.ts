import type { CapabilityStatement, CapabilityStatementResource } from '../model/fhir-types';
import type { OperationDeclaration, ResourceKind } from '../resources/resource-kind';
import { CREATE_INTERACTIONS, TRANSACTION_INTERACTION } from './create-interactions';
import { DEFAULT_PAGE_SIZE } from '../search/search-request';
import { MAX_PAGE_SIZE } from '@referloop/common';

/** When what this server supports last changed: the statement's date. */
const CAPABILITIES_CHANGED = '2026-12-07';

/** How the API is used, beyond the list of what it serves (Markdown). */
const REST_DOCUMENTATION = [
  'Read and search; referrals are created (POST ServiceRequest, or a transaction Bundle posted to the base), nothing is changed or deleted through FHIR yet. A resource is posted as application/fhir+json (or application/json).',
  `Searches answer a searchset Bundle, newest first, ${DEFAULT_PAGE_SIZE} to a page unless \`_count\` (1 to ${MAX_PAGE_SIZE}) says otherwise; follow the Bundle's \`next\` link for the next page (its \`_cursor\` is opaque). No \`total\`.`,
  'A search parameter this server does not support is refused (400, an OperationOutcome naming it), unless the request sends `Prefer: handling=lenient`: it is then left out, the Bundle\'s self link shows only what applied, and an OperationOutcome entry (search.mode outcome) names what was left out. A bad value of a supported parameter is refused either way.',
  'Modifiers (`:exact`, `:missing`, …), chaining, `_include`, `_revinclude`, `_sort`, `_summary`, `_elements` and `_total` are not supported. Dates: eq, ne, gt, ge, lt and le; a date without a time is a UTC day.',
  'A resource you may not see answers 404, exactly as one that does not exist. What each caller sees is what GraphQL shows them.',
  '`GET ServiceRequest/{id}/$everything`: a searchset Bundle with the referral (search.mode match) and everything it refers to and that is kept for it (include): its Task, patient, the referring and receiving practitioners, roles and clinics, its assessment, visit and outcome Observations, its CarePlan and Goals, and the referrals it replaces or came from that you may see.',
].join('\n\n');

const SECURITY = 'The bearer access token of the GraphQL API (mutation login, 15 minutes, renewed with refreshSession): Authorization: Bearer <accessToken>. Without one, or with an expired or revoked one, 401. A session that must first enrol a second factor is refused (403). Every read of a patient or a referral is audited, as in GraphQL, and so is every referral and patient a create answers with. Creating takes the roles createReferral takes.';

/** The CapabilityStatement of `GET /fhir/R4/metadata`: exactly the types, interactions, parameters and operation served. */
export function capabilityStatement(base: string, kinds: readonly ResourceKind[], operations: readonly OperationDeclaration[], cors: boolean): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: CAPABILITIES_CHANGED,
    publisher: 'ReferLoop',
    kind: 'instance',
    software: { name: 'ReferLoop' },
    implementation: { description: 'ReferLoop: referrals between allied-health practitioners, their workflow and outcome, as FHIR R4', url: base },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        documentation: REST_DOCUMENTATION,
        security: { cors, description: SECURITY },
        resource: kinds.map((kind) => resourceOf(kind, operations)),
        interaction: [{ ...TRANSACTION_INTERACTION }],
      },
    ],
  };
}

function resourceOf(kind: ResourceKind, operations: readonly OperationDeclaration[]): CapabilityStatementResource {
  const own = operations.filter((operation) => operation.type === kind.type);
  const create = CREATE_INTERACTIONS.find((interaction) => interaction.type === kind.type);
  return {
    type: kind.type,
    profile: `http://hl7.org/fhir/StructureDefinition/${kind.type}`,
    documentation: kind.documentation,
    interaction: [{ code: 'read' }, { code: 'search-type' }, ...(create ? [{ code: 'create' as const, documentation: create.documentation }] : [])],
    ...(create?.conditional && { conditionalCreate: true }),
    searchParam: kind.parameters.map(({ name, definition, type, documentation }) => ({ name, definition, type, documentation })),
    ...(own.length > 0 && { operation: own.map(({ name, definition, documentation }) => ({ name, definition, documentation })) }),
  };
}
