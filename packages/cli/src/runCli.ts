/*
 * Copyright 2026 The Runtime Mode Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { parse, parseAllDocuments } from 'yaml';
import {
  evaluate,
  EntityLike,
  CompleteEvaluationResult,
  KNOWLEDGE_BASE_COMPONENTS,
  parseManifestsAnnotation,
  readRuntimeModeConfig,
  RUNTIME_MODE_ANNOTATIONS,
  RUNTIME_MODES,
  RuntimeModeConfig,
  RuntimeModeId,
  validateTargets,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { CLI_NAME, CLI_VERSION } from './cliInfo';
import { collectManifestFiles } from './collectManifestFiles';
import { toJsonOutput, toTable } from './formatResult';
import { toJunit } from './formats/toJunit';
import { toSarif } from './formats/toSarif';
import { CHECK_HELP, PROGRAM_HELP } from './helpText';
import {
  exitCodeFor,
  FAIL_ON_LEVELS,
  FailOn,
  selectReportedFindings,
} from './reportPolicy';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Colour the table (only on a TTY). */
  colour: boolean;
}

/** An error the user can fix; reported with exit code 1. */
class UsageError extends Error {}

interface CheckOptions {
  entity?: string;
  config?: string;
  targetKubernetes?: string;
  targetKubevirt?: string;
  target: string[];
  targetMode?: string;
  format: OutputFormat;
  failOn: FailOn;
  ignoreDeprecations?: boolean;
  ignoreRemovals?: boolean;
  onlyShowRemoved?: boolean;
}

const OUTPUT_FORMATS = ['table', 'json', 'sarif', 'junit'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

function readYamlFile(file: string, what: string, cwd: string): unknown {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch {
    throw new UsageError(`${what} ${file}: cannot read the file`);
  }
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError(
      `${what} ${file}: not valid YAML: ${
        (error as Error).message.split('\n')[0]
      }`,
    );
  }
}

/** Reads `--entity file` or `--entity file#name` (for files holding several entities). */
function readEntity(
  spec: string,
  cwd: string,
): { entity: EntityLike; file: string } {
  const hash = spec.lastIndexOf('#');
  const file = hash > 0 ? spec.slice(0, hash) : spec;
  const wanted = hash > 0 ? spec.slice(hash + 1) : undefined;
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch {
    throw new UsageError(`--entity ${file}: cannot read the file`);
  }
  let docs: unknown[];
  try {
    docs = parseAllDocuments(text, { logLevel: 'error' }).map(d => {
      if (d.errors.length > 0) throw d.errors[0];
      return d.toJS({ maxAliasCount: 100 });
    });
  } catch (error) {
    throw new UsageError(
      `--entity ${file}: not valid YAML: ${
        String((error as Error).message).split('\n')[0]
      }`,
    );
  }
  const entities = docs.filter(
    (d): d is EntityLike =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as EntityLike).metadata?.name === 'string',
  );
  if (wanted !== undefined) {
    const entity = entities.find(e => e.metadata.name === wanted);
    if (!entity) {
      throw new UsageError(
        `--entity ${spec}: no entity named "${wanted}" (found: ${
          entities.map(e => e.metadata.name).join(', ') || 'none'
        })`,
      );
    }
    return { entity, file };
  }
  const components = entities.filter(e => e.kind === 'Component');
  if (components.length > 1) {
    throw new UsageError(
      `--entity ${file} holds ${components.length} components (${components
        .map(e => e.metadata.name)
        .join(', ')}); pick one with --entity ${file}#NAME`,
    );
  }
  const entity = components[0] ?? entities[0];
  if (!entity) {
    throw new UsageError(
      `--entity ${file}: no catalog entity with metadata.name found`,
    );
  }
  return { entity, file };
}

function collectTargets(options: CheckOptions): Record<string, string> {
  const targets: Record<string, string> = {};
  for (const entry of options.target) {
    const eq = entry.indexOf('=');
    if (eq <= 0 || eq === entry.length - 1) {
      throw new UsageError(
        `--target "${entry}": expected COMPONENT=VERSION, e.g. cdi=1.60.0`,
      );
    }
    targets[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  if (options.targetKubernetes) targets.k8s = options.targetKubernetes;
  if (options.targetKubevirt) targets.kubevirt = options.targetKubevirt;
  return targets;
}

/** Commander's messages as one line, prefixed with the command's name. */
function oneLine(text: string): string {
  return `${CLI_NAME}: ${text.replace(/\s*\n\s*/g, ' ').trim()}`;
}

function buildProgram(
  io: CliIo,
  run: (paths: string[], options: CheckOptions) => number,
) {
  const program = new Command(CLI_NAME)
    .description(
      'Runtime Mode verdicts on the command line: runtime mode, API compatibility and migration readiness of Kubernetes and KubeVirt manifests.',
    )
    .version(CLI_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`${oneLine(text)}\n`),
    })
    .addHelpText('after', PROGRAM_HELP);
  let exitCode = 0;
  const collect = (value: string, previous: string[]) => [...previous, value];
  program
    .command('check')
    .description(
      'Evaluate manifests (files or directories, walked recursively for .yaml/.yml/.json) and print the verdict; the exit code says whether CI should fail.',
    )
    .helpOption('-h, --help', 'print this help')
    .argument(
      '[paths...]',
      "manifest files or directories (default: the paths in the entity's runtime-mode.dev/manifests annotation)",
    )
    .option(
      '--entity <file[#name]>',
      'catalog-info.yaml of the component (requirements, declared mode, clusters, waivers); #name picks one of several',
    )
    .option(
      '--config <file>',
      'app-config.yaml whose runtimeMode block gives clusters, targets and rules',
    )
    .option(
      '--target-kubernetes <version>',
      'target Kubernetes version, e.g. 1.34',
    )
    .option(
      '--target-kubevirt <version>',
      'target KubeVirt version, e.g. 1.6.0',
    )
    .option(
      '--target <component=version>',
      `target version of another component (repeatable); components: ${KNOWLEDGE_BASE_COMPONENTS.join(
        ', ',
      )}`,
      collect,
      [] as string[],
    )
    .addOption(
      new Option('--target-mode <mode>', 'mode to judge readiness for').choices(
        [...RUNTIME_MODES],
      ),
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...OUTPUT_FORMATS])
        .default('table'),
    )
    .addOption(
      new Option(
        '--fail-on <level>',
        'lowest severity that makes the exit code non-zero',
      )
        .choices([...FAIL_ON_LEVELS])
        .default('warning'),
    )
    .option(
      '--ignore-deprecations',
      'deprecated APIs and fields do not set the exit code (they are still reported)',
    )
    .option(
      '--ignore-removals',
      'removed APIs do not set the exit code (they are still reported)',
    )
    .option(
      '-r, --only-show-removed',
      'report only APIs removed at the target version',
    )
    .addHelpText('after', CHECK_HELP)
    .action((paths: string[], options: CheckOptions) => {
      exitCode = run(paths, options);
    });
  return { program, exitCode: () => exitCode };
}

/** The verdict in the chosen format, ready for stdout. */
function render(
  result: CompleteEvaluationResult,
  options: CheckOptions,
  context: { colour: boolean; entityFile?: string },
): string {
  switch (options.format) {
    case 'json':
      return `${JSON.stringify(toJsonOutput(result), null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(
        toSarif(result, {
          toolVersion: CLI_VERSION,
          entityFile: context.entityFile,
        }),
        null,
        2,
      )}\n`;
    case 'junit':
      return toJunit(result);
    default:
      return toTable(result, context.colour);
  }
}

/**
 * Runs the CLI with the given arguments (without `node` and the script) and
 * returns the exit code. Never throws.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const run = (paths: string[], options: CheckOptions): number => {
    const entityRead = options.entity
      ? readEntity(options.entity, io.cwd)
      : undefined;
    const entity = entityRead?.entity;
    let config: RuntimeModeConfig | undefined;
    if (options.config) {
      const appConfig = readYamlFile(
        options.config,
        '--config',
        io.cwd,
      ) as Record<string, unknown> | null;
      try {
        config = readRuntimeModeConfig(appConfig?.runtimeMode ?? {});
      } catch (error) {
        throw new UsageError(
          `--config ${options.config}: ${(error as Error).message}`,
        );
      }
    }
    let targets: Record<string, string>;
    try {
      targets = validateTargets(
        collectTargets(options),
        config?.apiPolicy.extraDeprecations,
      );
    } catch (error) {
      if ((error as Error).name === 'RuntimeModeTargetError') {
        throw new UsageError((error as Error).message);
      }
      throw error;
    }
    let inputs = paths;
    if (inputs.length === 0 && entity) {
      const annotation =
        entity.metadata.annotations?.[RUNTIME_MODE_ANNOTATIONS.manifests];
      const sources = annotation ? parseManifestsAnnotation(annotation) : [];
      const urls = sources.filter(s => s.type === 'url');
      if (urls.length > 0) {
        io.stderr(
          `${CLI_NAME}: skipping ${urls.length} url: manifest source(s); the CLI reads local files only\n`,
        );
      }
      const base = path.dirname(path.resolve(io.cwd, entityRead!.file));
      inputs = sources
        .filter(s => s.type === 'path')
        .map(s => path.resolve(base, s.target));
    }
    if (inputs.length === 0) {
      throw new UsageError(
        'no manifest paths given (and no runtime-mode.dev/manifests paths on --entity)',
      );
    }
    const { files, errors } = collectManifestFiles(inputs, io.cwd);
    if (errors.length > 0) {
      throw new UsageError(errors.join('; '));
    }
    const evaluated = evaluate({
      entity,
      manifests: files,
      config,
      options: {
        targets,
        targetMode: options.targetMode as RuntimeModeId | undefined,
      },
    });
    const policy = {
      failOn: options.failOn,
      ignoreDeprecations: Boolean(options.ignoreDeprecations),
      ignoreRemovals: Boolean(options.ignoreRemovals),
      onlyShowRemoved: Boolean(options.onlyShowRemoved),
    };
    const reported = selectReportedFindings(evaluated, policy);
    io.stdout(
      render(reported, options, {
        colour: io.colour,
        entityFile: entityRead
          ? path
              .relative(io.cwd, path.resolve(io.cwd, entityRead.file))
              .split(path.sep)
              .join('/')
          : undefined,
      }),
    );
    return exitCodeFor(reported, policy);
  };

  const { program, exitCode } = buildProgram(io, run);
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return 1;
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage
      // error, already written as one line by outputError.
      return error.exitCode === 0 ? 0 : 1;
    }
    if (error instanceof UsageError) {
      io.stderr(`${oneLine(error.message)}\n`);
      return 1;
    }
    io.stderr(
      `${CLI_NAME}: internal error: ${
        (error as Error)?.stack ?? String(error)
      }\n`,
    );
    return 1;
  }
}
