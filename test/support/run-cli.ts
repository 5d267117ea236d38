import { runCli } from '../../adapters/cli/main';
import { silentLogger } from '../../src/log';

/** Runs the CLI in-process on `env`, capturing what it prints and its exit status. */
export async function runCliCapturing(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(
    args,
    { env, log: silentLogger },
    { out: (t) => void (out += t), err: (t) => void (err += t) },
  );
  return { code, out, err };
}
