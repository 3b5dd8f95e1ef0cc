import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditModule } from '@referloop/audit';
import { AuthModule } from '@referloop/auth';
import { ClinicsModule } from '@referloop/clinics';
import { DateTimeScalar, formatExecutionResult, formatGraphqlError, GraphqlExceptionFilter, GRAPHQL_PATH, InputValidationPipe, LocalDateScalar, requestBudgetPlugin, argumentTextPlugin, RequestContext } from '@referloop/common';
import { AppConfig, ConfigModule } from '@referloop/core';
import { dataSourceOptions } from '@referloop/database';
import { JobsModule } from '@referloop/jobs';
import { LoggingModule, LoggingOptions } from '@referloop/logging';
import { MetricsModule } from '@referloop/metrics';
import { NotificationsApiModule } from '@referloop/notifications';
import { PatientsModule } from '@referloop/patients';
import { ProvidersModule } from '@referloop/providers';
import { EpisodeModule } from '@referloop/episode';
import { FhirModule } from '@referloop/fhir';
import { ReferralsModule } from '@referloop/referrals';
import { WebhooksApiModule } from '@referloop/webhooks';
import { AdminLoginController } from './admin/admin-login.controller';
import { AdminSession } from './admin/admin-session';
import { HealthController } from './health.controller';
import { isLiveContext, LiveConnections } from './live/live-connections';
import { LiveModule } from './live/live.module';
import { HttpDrain } from './http-drain';
import { httpContext } from './graphql/http-context';
import { QUERY_COSTS } from './graphql/query-costs';
import { liveDocumentChecks, requestValidationRules } from './graphql/request-validation';
import { RequestLogPlugin } from './logging/request-log.plugin';
import { GraphqlMetricsPlugin } from './metrics/graphql-metrics.plugin';
import { MetricsController } from './metrics/metrics.controller';

export interface GatewayOptions {
  /** Where to write the generated schema; in-memory when omitted. */
  schemaFile?: string;
  /** Where the JSON log lines go; standard output when omitted. */
  logStream?: LoggingOptions['stream'];
}

@Module({})
export class GatewayModule {
  static forRoot(config: AppConfig, options: GatewayOptions = {}): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, { stream: options.logStream }),
        MetricsModule,
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: config.databaseUrl, poolSize: config.databasePoolSize, preparedStatements: config.databasePreparedStatements, applicationName: 'referloop-gateway' }),
          migrationsRun: false,
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [LiveModule],
          inject: [LiveConnections],
          useFactory: (live: LiveConnections): ApolloDriverConfig => ({
            path: GRAPHQL_PATH,
            autoSchemaFile: options.schemaFile ?? true,
            sortSchema: true,
            // No landing page in any mode; no schema introspection in production (schema.graphql is public in the repository instead).
            playground: false,
            introspection: !config.production,
            // Nor "did you mean …" hints naming fields in production.
            hideSchemaDetailsFromClientErrors: config.production,
            // Requests that a browser could send cross-site without a preflight are refused (Apollo's default, stated):
            // with SameSite=Strict, what keeps another site from using the session cookie.
            csrfPrevention: true,
            includeStacktraceInErrorResponses: false,
            // A bounded document; how deeply it nests is checked before it reaches the parser (graphql-document-guard.ts).
            parseOptions: { maxTokens: config.graphql.maxTokens },
            validationRules: requestValidationRules(config),
            plugins: [
              // Answers are marked no-store at the HTTP layer (no-store-by-default.ts); computing cache hints per field is wasted work.
              ApolloServerPluginCacheControlDisabled(),
              argumentTextPlugin(),
              requestBudgetPlugin({ maxItems: config.graphql.maxItems, maxCost: config.graphql.maxCost, costs: QUERY_COSTS }),
            ],
            formatError: formatGraphqlError,
            // Live updates (the referralUpdated subscription) over graphql-ws on the same path.
            subscriptions: {
              'graphql-ws': {
                path: GRAPHQL_PATH,
                ...liveDocumentChecks(config),
                onConnect: (context) => live.connect(context),
                // graphql-ws sends results itself: their errors get the same formatting as over HTTP.
                onNext: async (_context, _id, _payload, args, result) => {
                  await live.updateResolved(args);
                  return formatExecutionResult(result);
                },
              },
            },
            // HTTP requests come as Fastify's request and reply; live operations as graphql-ws's context.
            context: (request: unknown, reply: unknown): RequestContext =>
              isLiveContext(request) ? live.context(request) : httpContext(request as FastifyRequest, reply as FastifyReply),
          }),
        }),
        LiveModule,
        AuthModule,
        ClinicsModule,
        ProvidersModule,
        PatientsModule,
        ReferralsModule,
        EpisodeModule,
        FhirModule,
        NotificationsApiModule,
        WebhooksApiModule,
        JobsModule,
        AuditModule,
        // Failed checks are in the 503 body; logging each one too would flood the log while a dependency is down.
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, MetricsController, AdminLoginController],
      providers: [
        DateTimeScalar,
        LocalDateScalar,
        GraphqlMetricsPlugin,
        AdminSession,
        RequestLogPlugin,
        HttpDrain,
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
      ],
    };
  }
}
