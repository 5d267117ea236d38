import type { RegisterCommand } from '../context';
import { type EnvFileLoad, loadEnvFile } from '../env-file';

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('serve')
    .description('serve Slack and/or Teams (as configured by the environment) and post scheduled digests')
    .option('--port <port>', 'HTTP port (default: PORT or 3000)')
    .option('--env-file <path>', 'read settings from this file (default: CYBERBRIEF_ENV_FILE; none when unset)')
    .addHelpText(
      'after',
      '\nEndpoints on one port: POST /slack/events, POST /api/messages, GET /healthz.\nConfiguration: see .env.example (SLACK_*, MicrosoftApp*, CYBERBRIEF_*). Stops cleanly on SIGTERM.',
    )
    .action(async (opts: { port?: string; envFile?: string }) => {
      const env = ctx.options.env ?? process.env;
      const named = opts.envFile ?? (env.CYBERBRIEF_ENV_FILE || undefined);
      // Before the app opens, so that the file's settings are parsed with the rest of the configuration.
      const loaded: EnvFileLoad | undefined = named === undefined ? undefined : loadEnvFile(named, env);
      // The store first: one that cannot be reached stops `serve` before Bolt and botbuilder load.
      const app = await ctx.open({ defaultLogLevel: 'info' });
      // Loaded here, not at the top: Bolt and botbuilder would otherwise weigh on every one-shot command's start.
      const { startServe } = await import('../../server/start-serve');
      const { stopOnSignal } = await import('../../server/stop-on-signal');
      const { guardProcess } = await import('../../server/process-guards');
      const unguard = guardProcess(app.log);
      if (loaded) {
        const fields = { file: loaded.file, set: loaded.set, safetySettings: loaded.safety };
        if (loaded.safety.length > 0) app.log.warn('serve.env_file', fields);
        else app.log.info('serve.env_file', fields);
      }
      let serving;
      try {
        serving = await startServe(app, { port: opts.port !== undefined ? Number(opts.port) : undefined });
      } catch (e) {
        unguard();
        await app.close();
        throw e;
      }
      ctx.err(`cyberbrief: serving on port ${serving.port} (${serving.surfaces.join(', ') || 'health only'})\n`);
      try {
        await stopOnSignal(() => serving.stop(), app.log);
      } finally {
        unguard();
      }
    });
};
