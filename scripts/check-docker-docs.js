#!/usr/bin/env node
/**
 * `node scripts/check-docker-docs.js`: fails when the Docker route and its documentation drift
 * apart. Node built-ins only (CI runs it before anything else needs installing).
 *
 * The contract: README.md's "Run it with Docker" section has, after the marker comment
 * `<!-- docker-build-steps -->`, a fenced block of `label: command` lines that must equal, in
 * order,
 *   - every npm command RUN in docker/Dockerfile, labelled with its stage's name;
 *   - each app's start command, labelled with the app's name (scripts/apps.js): the command of
 *     its service in docker/compose.yml, else the image's CMD.
 * Besides, each start command must be exactly what `npm start` runs (`node` + nodeArgs(app)),
 * and each file the Dockerfile copies from the build context must exist and be re-included in
 * docker/Dockerfile.dockerignore (an allow-list), or the image build would not find it.
 */
const fs = require('node:fs');
const path = require('node:path');

const MARKER = '<!-- docker-build-steps';

/** Collapses runs of whitespace, so alignment and line breaks never count as a difference. */
const normalise = (command) => command.trim().replace(/\s+/g, ' ');

/** Joins an exec-form argument list the way a reader would type it. */
const joinArgs = (args) => args.map((arg) => (/[\s"'$]/.test(arg) || arg === '' ? JSON.stringify(arg) : arg)).join(' ');

/** Removes leading `--flag` / `--flag=value` options (RUN --mount=…, COPY --from=…). */
function splitFlags(rest) {
  const flags = {};
  let remaining = rest.trimStart();
  for (let match = /^--([\w-]+)(?:=(\S*))?\s*/.exec(remaining); match; match = /^--([\w-]+)(?:=(\S*))?\s*/.exec(remaining)) {
    flags[match[1]] = match[2] ?? true;
    remaining = remaining.slice(match[0].length);
  }
  return { flags, rest: remaining };
}

/** An exec-form (JSON array) argument list, or undefined for the shell form. */
function execForm(text) {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const parsed = JSON.parse(trimmed);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
  } catch {
    // Docker runs a malformed JSON array as a shell command; so do we.
  }
  return undefined;
}

/**
 * docker/Dockerfile as a list of stages, each with its npm commands (in order), its COPY
 * sources from the build context, and its CMD / ENTRYPOINT. Handles `\` continuations,
 * comments, RUN/COPY flags, and the shell and exec forms; heredocs are refused.
 */
function parseDockerfile(text) {
  const instructions = [];
  let current = '';
  let startLine = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (current === '' && /^\s*(#|$)/.test(line)) return;
    if (current !== '' && /^\s*#/.test(line)) return; // comments inside a continuation
    if (current === '') startLine = index + 1;
    if (/\\\s*$/.test(line)) {
      current += line.replace(/\\\s*$/, ' ');
      return;
    }
    current += line;
    instructions.push({ line: startLine, text: current.trim() });
    current = '';
  });
  if (current.trim() !== '') instructions.push({ line: startLine, text: current.trim() });

  const stages = [];
  for (const { line, text: instruction } of instructions) {
    const match = /^(\w+)\s*(.*)$/s.exec(instruction);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    const args = match[2];
    if (/<<-?\s*["']?\w+/.test(args) && (keyword === 'RUN' || keyword === 'COPY')) {
      throw new Error(`docker/Dockerfile line ${line}: heredocs are not supported by scripts/check-docker-docs.js`);
    }
    if (keyword === 'FROM') {
      const { rest } = splitFlags(args);
      const named = /^\S+\s+as\s+(\S+)\s*$/i.exec(rest);
      stages.push({ name: named ? named[1] : `stage ${stages.length}`, line, npm: [], copies: [], cmd: undefined, entrypoint: undefined });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) continue; // ARG before the first FROM
    if (keyword === 'RUN') {
      const { rest } = splitFlags(args);
      const exec = execForm(rest);
      const commands = exec ? [joinArgs(exec)] : rest.split(/&&|;|\|\|/);
      for (const command of commands.map(normalise)) {
        if (/^npm(\s|$)/.test(command)) stage.npm.push({ command, line });
      }
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      const { flags, rest } = splitFlags(args);
      if (flags.from !== undefined) continue;
      const parts = execForm(rest) ?? rest.split(/\s+/).filter(Boolean);
      stage.copies.push({ sources: parts.slice(0, -1), line });
    } else if (keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      const value = { args: execForm(args), text: normalise(args), line };
      if (keyword === 'CMD') stage.cmd = value;
      else stage.entrypoint = value;
    }
  }
  return stages;
}

/**
 * The `command:` of one service in docker/compose.yml, which must be a one-line JSON array
 * (flow sequence with double quotes); undefined when the service has none. Reads the file's
 * text, not YAML in general: `services:` at column 0, services indented by two, keys by four.
 */
function composeCommand(text, service) {
  const lines = text.split(/\r?\n/);
  const servicesAt = lines.findIndex((line) => /^services:\s*(#.*)?$/.test(line));
  if (servicesAt < 0) throw new Error('docker/compose.yml has no top-level `services:`');
  let inService = false;
  for (const line of lines.slice(servicesAt + 1)) {
    if (/^\S/.test(line) && !/^#/.test(line)) break; // the next top-level key
    const serviceMatch = /^ {2}([\w.-]+):\s*(#.*)?$/.exec(line);
    if (serviceMatch) {
      inService = serviceMatch[1] === service;
      continue;
    }
    if (!inService) continue;
    const commandMatch = /^ {4}command:\s*(.*?)\s*$/.exec(line);
    if (commandMatch) {
      const args = execForm(commandMatch[1]);
      if (!args) throw new Error(`docker/compose.yml: write the ${service} service's command as a one-line JSON array, e.g. ["node", "…"]`);
      return args;
    }
  }
  return undefined;
}

/** The `label: command` lines of README.md's block after the marker, or an error message. */
function readmeSteps(text) {
  const lines = text.split(/\r?\n/);
  const markerAt = lines.findIndex((line) => line.trim().startsWith(MARKER));
  if (markerAt < 0) throw new Error(`README.md has no \`${MARKER} -->\` marker before the block of Docker build steps ("Run it with Docker")`);
  const openAt = lines.findIndex((line, index) => index > markerAt && /^\s*```/.test(line));
  if (openAt < 0 || lines.slice(markerAt + 1, openAt).some((line) => line.trim() !== '')) {
    throw new Error('README.md: the docker-build-steps marker must be followed directly by a fenced code block');
  }
  const closeAt = lines.findIndex((line, index) => index > openAt && /^\s*```\s*$/.test(line));
  if (closeAt < 0) throw new Error('README.md: the docker-build-steps block is not closed');
  const steps = [];
  for (const [offset, line] of lines.slice(openAt + 1, closeAt).entries()) {
    if (/^\s*(#|$)/.test(line)) continue;
    const match = /^\s*([\w.-]+):\s+(\S.*)$/.exec(line);
    if (!match) throw new Error(`README.md line ${openAt + offset + 2}: expected \`label: command\`, got "${line.trim()}"`);
    steps.push({ label: match[1], command: normalise(match[2]) });
  }
  return steps;
}

/**
 * What README.md must list, from the Dockerfile, the compose file and scripts/apps.js, plus
 * the problems found on the way (a start command that is not `npm start`'s, a shell-form CMD).
 */
function expectedSteps({ dockerfile, compose, apps }) {
  const problems = [];
  const stages = parseDockerfile(dockerfile);
  if (stages.length === 0) throw new Error('docker/Dockerfile has no FROM');
  const runtime = stages[stages.length - 1];
  const steps = stages.flatMap((stage) =>
    stage.npm.map(({ command, line }) => ({ label: stage.name, command, source: `docker/Dockerfile line ${line} (stage ${stage.name})` })),
  );
  if (runtime.entrypoint) problems.push(`docker/Dockerfile line ${runtime.entrypoint.line}: the runtime stage sets an ENTRYPOINT; the check expects the apps to start by CMD / command alone`);
  for (const [app, spec] of Object.entries(apps.APPS)) {
    const expected = ['node', ...apps.nodeArgs(app)];
    const fromCompose = composeCommand(compose, app);
    let actual;
    let source;
    if (fromCompose) {
      actual = fromCompose;
      source = `docker/compose.yml (service ${app}, command)`;
    } else if (!runtime.cmd) {
      problems.push(`docker/Dockerfile: the runtime stage has no CMD, and docker/compose.yml gives the ${app} service no command`);
      continue;
    } else if (!runtime.cmd.args) {
      problems.push(`docker/Dockerfile line ${runtime.cmd.line}: write CMD in exec form (a JSON array), so node runs without a shell and receives SIGTERM`);
      continue;
    } else {
      actual = runtime.cmd.args;
      source = `docker/Dockerfile line ${runtime.cmd.line} (CMD, used by the ${app} service)`;
    }
    if (joinArgs(actual) !== joinArgs(expected)) {
      problems.push(
        `${source} starts ${app} with\n      ${joinArgs(actual)}\n    but \`npm start\` runs it (scripts/apps.js: ${spec.entry}) with\n      ${joinArgs(expected)}`,
      );
    }
    steps.push({ label: app, command: normalise(joinArgs(actual)), source });
  }
  return { steps, problems, stages };
}

/** The differences between the expected steps and README.md's, one message each. */
function compareSteps(expected, documented) {
  const show = (step) => `${step.label}: ${step.command}`;
  const want = expected.map(show);
  const have = documented.map(show);
  if (want.length === have.length && want.every((line, index) => line === have[index])) return [];
  const differences = [];
  const unlisted = documented.filter((step) => !want.includes(show(step)));
  for (const step of expected) {
    if (have.includes(show(step))) continue;
    // A README line with the same label that matches nothing is most likely this step, changed.
    const changed = unlisted.findIndex((other) => other.label === step.label);
    if (changed >= 0) {
      const [other] = unlisted.splice(changed, 1);
      differences.push(`${step.source} has\n      ${show(step)}\n    where README.md lists\n      ${show(other)}`);
    } else {
      differences.push(`${step.source} has\n      ${show(step)}\n    which README.md does not list`);
    }
  }
  for (const step of unlisted) {
    differences.push(`README.md lists\n      ${show(step)}\n    which neither docker/Dockerfile nor docker/compose.yml runs`);
  }
  if (differences.length === 0) {
    differences.push(`README.md lists the same steps in another order or number:\n      ${have.join('\n      ')}`);
  }
  return differences;
}

/** Patterns of a .dockerignore that re-include a path (`!path`), normalised. */
function reincluded(ignoreText) {
  return new Set(
    ignoreText
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1).replace(/^\.?\//, '').replace(/\/+$/, '')),
  );
}

/** COPY sources from the build context that are missing or not re-included by the allow-list. */
function checkCopies(stages, ignoreText, exists) {
  const allowed = reincluded(ignoreText);
  const problems = [];
  for (const stage of stages) {
    for (const { sources, line } of stage.copies) {
      for (const source of sources) {
        const clean = source.replace(/^\.?\//, '').replace(/\/+$/, '');
        if (!exists(clean)) problems.push(`docker/Dockerfile line ${line} copies ${source}, which is not in the repository`);
        else if (!allowed.has(clean)) problems.push(`docker/Dockerfile line ${line} copies ${source}, but docker/Dockerfile.dockerignore does not re-include it (add \`!${clean}\`)`);
      }
    }
  }
  return problems;
}

/** The image runs the apps on the Node.js `npm start` runs them on (scripts/runtime.js), or says it does not. */
function checkNodeImage(dockerfile, appNodeVersion) {
  const image = /^ARG NODE_IMAGE=(\S+)/m.exec(dockerfile)?.[1];
  if (image?.startsWith(`node:${appNodeVersion}-`)) return [];
  return [`docker/Dockerfile: NODE_IMAGE is ${image ?? 'not set'}; the apps run on Node.js ${appNodeVersion} under \`npm start\` (scripts/runtime.js), so the image should be node:${appNodeVersion}-…`];
}

/** Every problem found, given the files' contents; empty when all agree. */
function check({ dockerfile, compose, readme, dockerignore, apps, exists, appNodeVersion }) {
  const { steps, problems, stages } = expectedSteps({ dockerfile, compose, apps });
  const documented = readmeSteps(readme);
  const differences = compareSteps(steps, documented);
  return {
    steps,
    problems: [...problems, ...differences, ...checkCopies(stages, dockerignore, exists), ...checkNodeImage(dockerfile, appNodeVersion)],
  };
}

function main() {
  const root = path.resolve(__dirname, '..');
  const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
  let result;
  try {
    result = check({
      dockerfile: read('docker/Dockerfile'),
      compose: read('docker/compose.yml'),
      readme: read('README.md'),
      dockerignore: read('docker/Dockerfile.dockerignore'),
      apps: require('./apps'),
      exists: (file) => fs.existsSync(path.join(root, file)),
      appNodeVersion: require('./runtime').APP_NODE_VERSION,
    });
  } catch (error) {
    console.error(`check-docker-docs: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  if (result.problems.length > 0) {
    console.error('check-docker-docs: the Docker files and README.md disagree:');
    for (const problem of result.problems) console.error(`  - ${problem}`);
    console.error('\nWhat README.md ("Run it with Docker") should list after the marker, from the files as they are:');
    console.error('```text');
    for (const step of result.steps) console.error(`${step.label}: ${step.command}`);
    console.error('```');
    process.exit(1);
  }
  console.log(`docker/Dockerfile, docker/compose.yml and README.md agree (${result.steps.length} steps)`);
}

module.exports = { parseDockerfile, composeCommand, readmeSteps, expectedSteps, compareSteps, checkCopies, check, normalise };

if (require.main === module) main();
