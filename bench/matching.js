#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:matching`: latency of matchProviders and openReferrals over a realistic
 * region, against the same SQL run straight through `pg`. See bench/README.md.
 *
 *  1. build if needed; a fresh database referloop_bench_<random>; the built gateway started as
 *     `npm start` starts it, on a free port of 127.0.0.1 (it applies the migrations).
 *  2. seed: clinics (one per metro), coordinators, the acting provider and two template open
 *     referrals through the API; then with SQL BENCH_PROVIDERS providers (with their users and
 *     most with stats) spread over fifteen Midwest metros plus a rural sprinkle, and
 *     BENCH_OPEN_REFERRALS unclaimed open referrals (with patients) spread the same way;
 *     VACUUM ANALYZE.
 *  3. capture, from the PostgreSQL log, the statements the gateway runs for each of
 *     BENCH_VARIANTS matchProviders requests and for one openReferrals request, with their
 *     bound values; replay each once through pg and check it returns what the gateway did.
 *  4. load: closed loop, BENCH_CONCURRENCY connections, warm-up then BENCH_DURATION s each:
 *     matchProviders as a coordinator (cycling through the variants), openReferrals as the
 *     acting provider. The gateway is then stopped.
 *  5. baseline: the captured statements through pg, same concurrency, warm-up and duration.
 *  6. EXPLAIN (ANALYZE, BUFFERS) of the busiest match request and of the open list; print a
 *     table, write bench/results/<timestamp>.json and .md; always stop the gateway, drop the
 *     database and delete the gateway's Redis keys. Exit 0 when measured, targets met or not.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const db = require('./lib/db');
const capture = require('./lib/capture');
const { Gateway, killAllSync: killGateways, benchAdmin, gatewayEnv, benchNodeArgs, ROOT } = require('./lib/gateway');
const { runLoad, stopCurrent: stopLoad, failedCount, reportWarmup } = require('./lib/load');
const { runPgLoad, toReplay } = require('./lib/pg-load');
const { seedActors, bulkSeedProviders, bulkSeedOpenReferrals, matchVariants, METROS, RURAL_SHARE, ACTING_PROVIDER_LOCATION } = require('./lib/matching-seed');
const { deleteKeys } = require('./lib/queue-baseline');
const { runHarness } = require('./lib/harness');
const { ensureBuilt, loadBeforeRun, resultsFiles, gitInfo, machineInfo, envKnobs } = require('./lib/run-info');
const { reportHeader, alignedTable, markdownSection } = require('./lib/report');
const { HarnessError, intEnv, strEnv, boolEnv, freePort, latencyStats, fmt, log } = require('./lib/util');

const TARGET_P99_MS = 50;

const OPEN_WITH_COUNT = boolEnv('BENCH_OPEN_COUNT');
/** The statement of a request that searches by place: the box of a search, or a pool area holding a point. */
const PLACE_SEARCH = /cube_enlarge\(|pool_area @>/;

/** What a coordinator's "find a provider" screen shows for each match. */
const MATCH_PROVIDERS = `query matchProviders($input: MatchProvidersInput!) {
  matchProviders(input: $input) {
    provider { id displayName city modalities conditions techniques acceptingNewPatients weeklyCapacity location { latitude longitude } }
    distanceKm
    score
    reasons
  }
}`;

/** A provider's list of open referrals nearby, first page. */
const OPEN_REFERRALS = `query openReferrals {
  openReferrals(first: 20) {
    ${OPEN_WITH_COUNT ? 'totalCount' : ''}
    edges { cursor node { id reference version modality conditions techniques priority ageBand distanceKm sentAt dueAt } }
    pageInfo { endCursor hasNextPage }
  }
}`;

function readConfig() {
  const duration = intEnv('BENCH_DURATION', 15, 1, 3600);
  return {
    serverUrl: strEnv('BENCH_PG_URL', 'postgres://postgres@127.0.0.1:5432'),
    redisUrl: strEnv('BENCH_REDIS_URL', 'redis://127.0.0.1:6379'),
    duration,
    warmup: intEnv('BENCH_WARMUP', Math.min(5, duration), 0, 600),
    concurrency: intEnv('BENCH_CONCURRENCY', 4, 1, 64),
    providers: intEnv('BENCH_PROVIDERS', 100_000, 100, 5_000_000),
    openReferrals: intEnv('BENCH_OPEN_REFERRALS', 20_000, 0, 5_000_000),
    variants: intEnv('BENCH_VARIANTS', 100, 1, 2000),
    seed: intEnv('BENCH_SEED', 42, 0, 2 ** 31),
    poolSize: intEnv('BENCH_POOL_SIZE', 20, 1, 200),
    openWithCount: OPEN_WITH_COUNT,
    planOnly: boolEnv('BENCH_PLAN_ONLY'),
    keepDatabase: boolEnv('BENCH_KEEP_DB'),
  };
}

// ---------------------------------------------------------------------------------------------
// Cleanup: one idempotent routine for the normal path, errors and signals alike.

const state = { gateway: null, redisUrl: null, queuePrefix: null };
const benchDb = new db.BenchDatabase();
let cleanupPromise = null;

function cleanup() {
  cleanupPromise ??= (async () => {
    stopLoad();
    if (state.gateway) await state.gateway.stop().catch((error) => log(`stopping the gateway: ${error.message}`));
    await benchDb.closeClients();
    if (state.queuePrefix) {
      await deleteKeys(state.redisUrl, state.queuePrefix)
        .then((count) => {
          if (count > 0) log(`deleted ${count} Redis keys under ${state.queuePrefix}:`);
        })
        .catch((error) => log(`could not delete Redis keys under ${state.queuePrefix}: ${error.message}`));
    }
    await benchDb.release();
  })();
  return cleanupPromise;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const config = readConfig();
  const startedAt = new Date();
  const { artifactsDir, jsonFile: resultsFile, markdownFile } = resultsFiles(startedAt, '-matching');
  const loadBefore = loadBeforeRun();

  ensureBuilt();
  const info = await db.serverInfo(config.serverUrl);
  const serverLog = capture.findServerLog(info);
  capture.checkPrefix(info.logLinePrefix);
  log(`PostgreSQL log: ${serverLog.file} (${serverLog.how})`);
  if (config.concurrency + config.poolSize + 10 > info.maxConnections) {
    throw new HarnessError(`max_connections=${info.maxConnections} is too low for ${config.concurrency} baseline clients plus a pool of ${config.poolSize}`);
  }

  // --- database and gateway -------------------------------------------------------------------
  const runId = crypto.randomBytes(5).toString('hex');
  const database = `referloop_bench_${runId}`;
  state.redisUrl = config.redisUrl;
  const dbUrl = await benchDb.create({ serverUrl: config.serverUrl, name: database, keep: config.keepDatabase });
  log(`created database ${database}`);

  const admin = benchAdmin();
  // Its own queue prefix, so nothing it enqueues mixes with anything else on this Redis.
  state.queuePrefix = `rlbench-match-${runId}`;
  const gateway = new Gateway({
    port: await freePort(),
    logFile: path.join(artifactsDir, 'gateway.log'),
    env: gatewayEnv(admin, {
      DATABASE_URL: dbUrl,
      DATABASE_POOL_SIZE: String(config.poolSize),
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: state.queuePrefix,
    }),
    nodeArgs: benchNodeArgs(),
  });
  state.gateway = gateway;
  await gateway.start();
  log(`gateway up at ${gateway.url} (migrations applied)`);

  // --- seed ------------------------------------------------------------------------------------
  const actors = await seedActors(gateway, admin);
  const seedClient = await benchDb.openClient();
  const providerSeed = await bulkSeedProviders(seedClient, actors.clinics, config.providers, config.seed);
  const openSeed = await bulkSeedOpenReferrals(seedClient, actors.templates, config.openReferrals, config.seed);
  const vacuumStarted = Date.now();
  // Steady state, as autovacuum keeps a live database: statistics current, visibility map set.
  await seedClient.query('VACUUM ANALYZE');
  log(`VACUUM ANALYZE in ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);

  const variants = matchVariants(config.variants, config.seed);
  // How much work each request has: providers inside the radius, and those passing the
  // modality and accepting filters (capacity aside). Harness SQL, not the product's.
  for (const variant of variants) {
    const { near, radiusKm, modality } = variant.input;
    const row = (
      await seedClient.query(
        `SELECT count(*)::int AS in_radius, count(*) FILTER (WHERE $4 = ANY(modalities) AND accepting_new_patients)::int AS eligible
           FROM providers
          WHERE latitude IS NOT NULL
            AND earth_distance(ll_to_earth(latitude, longitude), ll_to_earth($1, $2)) * 6371.0088 / 6378.168 / 1000 <= $3`,
        [near.latitude, near.longitude, radiusKm, modality],
      )
    ).rows[0];
    variant.providersInRadius = row.in_radius;
    variant.eligibleInRadius = row.eligible;
  }
  const openWork = (
    await seedClient.query(
      `SELECT count(*)::int AS open_total,
              count(*) FILTER (WHERE earth_distance(ll_to_earth(pool_latitude, pool_longitude), ll_to_earth($1, $2)) * 6371.0088 / 6378.168 / 1000 <= 100)::int AS within_100km,
              count(*) FILTER (WHERE modality IN ('MASSAGE', 'PHYSICAL_THERAPY')
                AND earth_distance(ll_to_earth(pool_latitude, pool_longitude), ll_to_earth($1, $2)) * 6371.0088 / 6378.168 / 1000 <= pool_radius_km)::int AS eligible
         FROM referrals WHERE status = 'SENT' AND to_provider_id IS NULL AND pool_latitude IS NOT NULL`,
      [ACTING_PROVIDER_LOCATION.latitude, ACTING_PROVIDER_LOCATION.longitude],
    )
  ).rows[0];
  await benchDb.closeClient(seedClient);
  log(
    `match requests: ${variants.length} variants, providers within 25 km p50 ${median(variants.map((v) => v.providersInRadius))}, ` +
      `max ${Math.max(...variants.map((v) => v.providersInRadius))}; open referrals: ${openWork.open_total} open, ` +
      `${openWork.within_100km} within 100 km of the acting provider, ${openWork.eligible} eligible for them`,
  );

  const matchBodies = variants.map((variant) => JSON.stringify({ query: MATCH_PROVIDERS, variables: { input: variant.input } }));
  const openBody = JSON.stringify({ query: OPEN_REFERRALS });
  const matchOnce = async (variant) => (await gateway.request(MATCH_PROVIDERS, { input: variant.input }, actors.tokens.coordinator)).matchProviders;
  const openOnce = async () => (await gateway.request(OPEN_REFERRALS, undefined, actors.tokens.provider)).openReferrals;

  // --- capture the statements of each request ----------------------------------------------------
  await benchDb.setStatementLogging(true);
  await gateway.restart(); // the pool reconnects with log_statement = all
  const logClient = await benchDb.openClient();
  // One of each first, so no first-use work (new pool connections, lazy caches) lands in a capture.
  await matchOnce(variants[0]);
  await openOnce();
  const captureStarted = Date.now();
  const matchCaptures = [];
  for (const variant of variants) {
    const captured = await capture.captureOperation({ client: logClient, logFile: serverLog.file, database, operation: () => matchOnce(variant) });
    const fresh = await capture.freshUuids(logClient, captured.statements, null);
    matchCaptures.push({ variant, statements: captured.statements, fresh, results: captured.result.length });
  }
  const openCaptured = await capture.captureOperation({ client: logClient, logFile: serverLog.file, database, operation: openOnce });
  const openCapture = {
    statements: openCaptured.statements,
    fresh: await capture.freshUuids(logClient, openCaptured.statements, null),
    results: openCaptured.result.edges.length,
    totalCount: openCaptured.result.totalCount,
  };
  await benchDb.closeClient(logClient);
  await benchDb.setStatementLogging(false);
  await gateway.restart(); // and back to a pool without statement logging
  log(`captured ${matchCaptures.length} matchProviders requests and one openReferrals request in ${((Date.now() - captureStarted) / 1000).toFixed(1)} s:`);
  capture.logStatements('matchProviders', matchCaptures[0].statements);
  capture.logStatements('openReferrals', openCapture.statements);
  if (openCapture.results === 0) throw new HarnessError('openReferrals is empty for the acting provider: seeding did not reach them');
  if (matchCaptures.every((c) => c.results === 0)) throw new HarnessError('every matchProviders request came back empty: seeding did not reach the region');

  // Each capture, replayed once through pg, must answer what the gateway answered: the statement
  // that searches by place returns the gateway's rows (open list: one extra row to tell whether
  // there is a next page).
  const checkClient = await benchDb.openClient();
  const replayRows = async (statements, fresh) => {
    const counts = [];
    for (const step of toReplay(statements, fresh)()) {
      const result = await checkClient.query(step);
      counts.push({ place: PLACE_SEARCH.test(step.text), rows: result.rowCount });
    }
    const place = counts.filter((c) => c.place);
    if (place.length !== 1) throw new HarnessError(`expected one place-search statement in a capture, found ${place.length}`);
    return place[0].rows;
  };
  for (const captured of matchCaptures) {
    const rows = await replayRows(captured.statements, captured.fresh);
    if (rows !== captured.results) throw new HarnessError(`replayed match statement returned ${rows} rows, the gateway ${captured.results}`);
  }
  const openRows = await replayRows(openCapture.statements, openCapture.fresh);
  if (Math.min(openRows, 20) !== openCapture.results) throw new HarnessError(`replayed open-referrals statement returned ${openRows} rows, the gateway ${openCapture.results} edges`);
  await benchDb.closeClient(checkClient);

  if (config.planOnly) {
    await gateway.stop();
    const plans = await explainPlans(artifactsDir, matchCaptures, openCapture);
    process.stdout.write(`\n${planSummary(plans)}\nplans in ${path.relative(ROOT, artifactsDir)}/ (BENCH_PLAN_ONLY: no load run)\n`);
    return;
  }

  // --- load through the gateway ----------------------------------------------------------------------
  const load = (title, seconds, token, body, isGood) => runLoad({ url: gateway.url, token, connections: config.concurrency, seconds, body, isGood, title });
  const matchIsGood = (data) => Array.isArray(data.matchProviders);
  const openIsGood = (data) => Array.isArray(data.openReferrals?.edges) && data.openReferrals.edges.length > 0;
  const matchBody = (n) => matchBodies[(n - 1) % matchBodies.length];
  const gatewayRun = async (title, token, body, isGood) => {
    if (config.warmup > 0) {
      log(`${title} warm-up ${config.warmup} s`);
      reportWarmup(await load(`${title} warm-up`, config.warmup, token, body, isGood));
    }
    log(`${title} ${config.duration} s, ${config.concurrency} connections`);
    return load(title, config.duration, token, body, isGood);
  };
  const matchLoad = await gatewayRun('matchProviders', actors.tokens.coordinator, matchBody, matchIsGood);
  const openLoad = await gatewayRun('openReferrals', actors.tokens.provider, () => openBody, openIsGood);

  // The gateway is done; the baseline gets the machine to itself.
  await gateway.stop();

  // --- the same SQL through pg -------------------------------------------------------------------------
  const baselineClients = [];
  for (let i = 0; i < config.concurrency; i += 1) baselineClients.push(await benchDb.openClient());
  const matchRequests = matchCaptures.map((c) => toReplay(c.statements, c.fresh));
  const openRequests = [toReplay(openCapture.statements, openCapture.fresh)];
  const pgRun = async (title, requests) => {
    if (config.warmup > 0) {
      log(`pg ${title} warm-up ${config.warmup} s`);
      await runPgLoad({ clients: baselineClients, seconds: config.warmup, requests, title: `${title} warm-up` });
    }
    log(`pg ${title} ${config.duration} s, ${config.concurrency} clients`);
    return runPgLoad({ clients: baselineClients, seconds: config.duration, requests, title });
  };
  const matchPg = await pgRun('matchProviders', matchRequests);
  const openPg = await pgRun('openReferrals', openRequests);
  for (const client of baselineClients) await benchDb.closeClient(client);

  const plans = await explainPlans(artifactsDir, matchCaptures, openCapture);

  // --- results ---------------------------------------------------------------------------------------------
  const verdict = (gatewayResult, pgResult) => {
    const p99 = gatewayResult.latencyMs.p99;
    const pgP99 = pgResult.latencyMs.p99;
    return {
      p99Ms: p99,
      p99TargetMs: TARGET_P99_MS,
      p99Met: p99 !== null && p99 < TARGET_P99_MS,
      pgP99Ms: pgP99,
      p99Ratio: p99 !== null && pgP99 ? p99 / pgP99 : null,
      throughputRatio: pgResult.requestsPerSecond > 0 ? gatewayResult.requestsPerSecond / pgResult.requestsPerSecond : null,
      errorFree: failedCount(gatewayResult) === 0 && pgResult.bad === 0,
    };
  };
  const matchResults = matchCaptures.map((c) => c.results);
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: 'npm run build && npm run bench:matching',
    environment: envKnobs(),
    config: { ...config, serverUrl: undefined, redisUrl: undefined },
    machine: machineInfo(loadBefore, {
      postgres: info.version,
      postgresSettings: { sharedBuffers: info.sharedBuffers, synchronousCommit: info.synchronousCommit, maxConnections: info.maxConnections },
    }),
    git: gitInfo(),
    database,
    seed: {
      region: { metros: METROS.map((m) => ({ name: m.name, lat: m.lat, lon: m.lon, population: m.population, sigmaKm: m.sigmaKm })), ruralShare: RURAL_SHARE },
      providers: providerSeed,
      openReferrals: openSeed,
      actingProvider: { location: ACTING_PROVIDER_LOCATION, modalities: ['MASSAGE', 'PHYSICAL_THERAPY'], ...openWork },
    },
    workload: {
      matchVariants: variants.length,
      providersInRadius: summary(variants.map((v) => v.providersInRadius)),
      eligibleInRadius: summary(variants.map((v) => v.eligibleInRadius)),
      matchesReturned: { ...summary(matchResults), full: matchResults.filter((n) => n === 20).length, empty: matchResults.filter((n) => n === 0).length },
      openReferralsReturned: openCapture.results,
      openReferralsTotal: openCapture.totalCount ?? null,
    },
    capture: {
      serverLog: serverLog.file,
      matchProviders: { statements: capture.summarize(matchCaptures[0].statements), freshValues: matchCaptures[0].fresh.length },
      openReferrals: { statements: capture.summarize(openCapture.statements), freshValues: openCapture.fresh.length },
    },
    matchProviders: { gateway: matchLoad, pg: matchPg, ...verdict(matchLoad, matchPg) },
    openReferrals: { gateway: openLoad, pg: openPg, ...verdict(openLoad, openPg) },
    plans,
    gatewayLog: path.relative(ROOT, path.join(artifactsDir, 'gateway.log')),
  };
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const table = printTable(results, config);
  fs.writeFileSync(markdownFile, markdown(results, config, table));
  process.stdout.write(`\nresults: ${path.relative(ROOT, resultsFile)} (+ .md for docs/performance-history.md; plans and gateway log in ${path.relative(ROOT, artifactsDir)}/)\n`);
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the place-search statement of the busiest match request (most
 * providers in its radius) and of the open list, with the captured values; written next to the
 * results.
 */
async function explainPlans(artifactsDir, matchCaptures, openCapture) {
  const client = await benchDb.openClient();
  try {
    const explain = async (name, statements, fresh) => {
      const step = toReplay(statements, fresh)().find((s) => PLACE_SEARCH.test(s.text));
      const plan = (await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${step.text}`, values: step.values })).rows.map((r) => r['QUERY PLAN']);
      const file = path.join(artifactsDir, `${name}.plan.txt`);
      fs.writeFileSync(file, `${step.text.trim()}\n\n-- values: ${JSON.stringify(step.values)}\n\n${plan.join('\n')}\n`);
      const ms = (label) => Number(/([\d.]+) ms/.exec(plan.find((line) => line.startsWith(label)) ?? '')?.[1] ?? NaN);
      return { file: path.relative(ROOT, file), planningMs: ms('Planning Time'), executionMs: ms('Execution Time'), usesLocationIndex: plan.some((l) => /_point_idx|_area_idx/.test(l)) };
    };
    const busiest = matchCaptures.reduce((a, b) => (b.variant.providersInRadius > a.variant.providersInRadius ? b : a));
    return {
      matchProvidersBusiest: { variant: busiest.variant, ...(await explain('match-busiest', busiest.statements, busiest.fresh)) },
      openReferrals: await explain('open-referrals', openCapture.statements, openCapture.fresh),
    };
  } finally {
    await benchDb.closeClient(client);
  }
}

function planSummary(plans) {
  const match = plans.matchProvidersBusiest;
  const open = plans.openReferrals;
  return (
    `plans: busiest match (${match.variant.providersInRadius} providers in radius) ${fmt(match.executionMs, 1)} ms + ${fmt(match.planningMs, 1)} ms planning` +
    `${match.usesLocationIndex ? " on the modality's point index" : ' WITHOUT the location index'}; ` +
    `open list ${fmt(open.executionMs, 1)} ms + ${fmt(open.planningMs, 1)} ms planning${open.usesLocationIndex ? ' on referrals_open_pool_area_idx' : ' WITHOUT the location index'}`
  );
}

function median(values) {
  return latencyStats(values).p50;
}

function summary(values) {
  const stats = latencyStats(values);
  return { min: values.length ? Math.min(...values) : null, p50: stats.p50, mean: stats.mean, p90: stats.p90, max: stats.max };
}

function printTable(results, config) {
  const out = [];
  const s = results.seed;
  const w = results.workload;
  out.push('');
  out.push(...reportHeader('matching benchmark', results));
  out.push(
    `${s.providers.providers} providers (${s.providers.accepting} accepting, ${s.providers.with_stats} with stats) over ${s.region.metros.length} metros + ${s.region.ruralShare * 100}% rural; ` +
      `${s.openReferrals.openReferrals} open referrals; ${config.concurrency} connections, ${config.duration} s measured after ${config.warmup} s warm-up; gateway pool ${config.poolSize}`,
  );
  out.push(
    `matchProviders: ${w.matchVariants} request variants (25 km, top 20); providers within 25 km p50 ${w.providersInRadius.p50}, max ${w.providersInRadius.max}; ` +
      `matches returned mean ${fmt(w.matchesReturned.mean)} (${w.matchesReturned.full} full pages, ${w.matchesReturned.empty} empty)`,
  );
  out.push(
    `openReferrals: acting provider ${s.actingProvider.within_100km} open referrals within 100 km, ${s.actingProvider.eligible} eligible; page of ${w.openReferralsReturned}` +
      (config.openWithCount ? ` (totalCount ${w.openReferralsTotal})` : ''),
  );
  out.push('');
  const head = ['', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'good', 'failed'];
  const row = (name, r, failed) => [name, fmt(r.requestsPerSecond), fmt(r.latencyMs.p50, 1), fmt(r.latencyMs.p90, 1), fmt(r.latencyMs.p99, 1), fmt(r.latencyMs.max, 1), String(r.good), String(failed)];
  const rows = [
    row('matchProviders (gateway)', results.matchProviders.gateway, failedCount(results.matchProviders.gateway)),
    row(`  same ${results.capture.matchProviders.statements.length} statements via pg`, results.matchProviders.pg, results.matchProviders.pg.bad),
    row(`openReferrals${config.openWithCount ? ' + totalCount' : ''} (gateway)`, results.openReferrals.gateway, failedCount(results.openReferrals.gateway)),
    row(`  same ${results.capture.openReferrals.statements.length} statements via pg`, results.openReferrals.pg, results.openReferrals.pg.bad),
  ];
  out.push(...alignedTable(head, rows));
  out.push('');
  const mark = (met) => (met ? 'met' : 'MISSED');
  for (const name of ['matchProviders', 'openReferrals']) {
    const r = results[name];
    out.push(
      `${name.padEnd(15)} p99 ${fmt(r.p99Ms)} ms (target < ${TARGET_P99_MS} ms: ${mark(r.p99Met)}); pg p99 ${fmt(r.pgP99Ms)} ms; ` +
        `gateway/pg p99 ${fmt(r.p99Ratio, 2)}x, req/s ${fmt(r.throughputRatio * 100)}% of pg${r.errorFree ? '' : ', WITH FAILED REQUESTS'}`,
    );
  }
  out.push(planSummary(results.plans));
  for (const name of ['matchProviders', 'openReferrals']) {
    for (const side of ['gateway', 'pg']) {
      for (const error of results[name][side].errors.slice(0, 5)) out.push(`  ${name} ${side} error x${error.count}: ${error.message}`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return out.join('\n');
}

/** The same figures as a Markdown section for docs/performance-history.md (see markdownSection). */
function markdown(results, config, table) {
  const row = (name, r, failed) =>
    `| ${name} | ${fmt(r.requestsPerSecond)} | ${fmt(r.latencyMs.p50)} | ${fmt(r.latencyMs.p90)} | ${fmt(r.latencyMs.p99)} | ${fmt(r.latencyMs.max)} | ${failed} |`;
  return markdownSection({
    title: 'Matching',
    script: 'bench:matching',
    results,
    setup:
      `${results.seed.providers.providers} providers, ${results.seed.openReferrals.openReferrals} open referrals; ` +
      `${config.concurrency} connections, ${config.duration} s after ${config.warmup} s warm-up; gateway pool ${config.poolSize}.`,
    lines: [
      '| request | req/s | p50 ms | p90 ms | p99 ms | max ms | failed |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      row('matchProviders (gateway)', results.matchProviders.gateway, failedCount(results.matchProviders.gateway)),
      row('matchProviders, same SQL via pg', results.matchProviders.pg, results.matchProviders.pg.bad),
      row('openReferrals (gateway)', results.openReferrals.gateway, failedCount(results.openReferrals.gateway)),
      row('openReferrals, same SQL via pg', results.openReferrals.pg, results.openReferrals.pg.bad),
      '',
      `Target: p99 < ${TARGET_P99_MS} ms through GraphQL.`,
    ],
    table,
  });
}

// ---------------------------------------------------------------------------------------------

runHarness({
  main,
  cleanup,
  onExit: () => killGateways(),
});
