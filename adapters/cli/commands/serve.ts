import type { RegisterCommand } from '../context';

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('serve')
    .description('serve Slack and/or Teams (as configured by the environment) and post scheduled digests')
    .option('--port <port>', 'HTTP port (default: PORT or 3000)')
    .addHelpText(
      'after',
      '\nEndpoints on one port: POST /slack/events, POST /api/messages, GET /healthz.\nConfiguration: see .env.example (SLACK_*, MicrosoftApp*, CYBERBRIEF_*). Stops cleanly on SIGTERM.',
    )
    .action(async (opts: { port?: string }) => {
      // Loaded here, not at the top: Bolt and botbuilder would otherwise weigh on every one-shot command's start.
      const { startServe } = await import('../../server/start-serve');
      const { stopOnSignal } = await import('../../server/stop-on-signal');
      const app = await ctx.open({ defaultLogLevel: 'info' });
      let serving;
      try {
        serving = await startServe(app, { port: opts.port !== undefined ? Number(opts.port) : undefined });
      } catch (e) {
        await app.close();
        throw e;
      }
      ctx.err(`cyberbrief: serving on port ${serving.port} (${serving.surfaces.join(', ') || 'health only'})\n`);
      await stopOnSignal(() => serving.stop(), app.log);
    });
};
