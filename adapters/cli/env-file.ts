import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { ConfigError } from '../../src/config';

/**
 * Settings that loosen a safety check or change who may do what: set from a file, they are
 * always named in the log with the file, so nobody turns off the SSRF refusal unnoticed.
 */
export const SAFETY_SETTINGS = [
  'CYBERBRIEF_FETCH_ALLOW',
  'CYBERBRIEF_TEAMS_DEV',
  'CYBERBRIEF_SLACK_ADMINS',
  'CYBERBRIEF_TEAMS_ADMINS',
  'SLACK_API_URL',
];

/** An env file is a few kilobytes; anything far larger was named by mistake. */
const MAX_ENV_FILE_BYTES = 256 * 1024;

export interface EnvFileLoad {
  file: string;
  /** Names (never values) of the variables the file set; those already in the environment are kept. */
  set: string[];
  safety: string[];
}

/**
 * Reads the env file `serve` was pointed at (`--env-file` or CYBERBRIEF_ENV_FILE) into `env`;
 * variables already set win. Nothing is read unless a file is named: a `.env` lying in the
 * working folder must not reconfigure a command by being there.
 */
export function loadEnvFile(file: string, env: NodeJS.ProcessEnv): EnvFileLoad {
  let info;
  try {
    info = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `env file ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`,
    );
  }
  if (info.isDirectory()) throw new ConfigError(`env file ${file} is a folder, not a file of NAME=value lines`);
  if (!info.isFile()) throw new ConfigError(`env file ${file} is not a regular file`);
  const text = readCapped(file);
  const parsed = parseEnv(text) as Record<string, string>;
  const set: string[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    set.push(name);
  }
  return { file, set, safety: set.filter((n) => SAFETY_SETTINGS.includes(n)) };
}

function readCapped(file: string): string {
  const fd = openSync(file, 'r');
  try {
    // The type is checked again on the open file: the name could have been swapped in between.
    if (!fstatSync(fd).isFile()) throw new ConfigError(`env file ${file} is not a regular file`);
    const buf = Buffer.alloc(MAX_ENV_FILE_BYTES + 1);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n > MAX_ENV_FILE_BYTES)
      throw new ConfigError(`env file ${file} is larger than ${MAX_ENV_FILE_BYTES / 1024} KB; is it the right file?`);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
