/** The one dependency rule of the project: adapters import the core, never the reverse. */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-adapter',
      comment: 'src/ is the platform-neutral core: it must not import adapters/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^adapters/' },
    },
    {
      name: 'core-imports-no-platform-sdk',
      comment: 'src/ must not import Slack, Bot Framework, Adaptive Cards or the CLI framework.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: 'node_modules/(@slack/|botbuilder|botframework-|adaptivecards|commander)' },
    },
    {
      name: 'botbuilder-only-in-teams',
      comment:
        'botbuilder is archived upstream: keep every import of it in adapters/teams so a swap touches one folder.',
      severity: 'error',
      from: { pathNot: '^adapters/teams/' },
      to: { path: 'node_modules/(botbuilder|botframework-|adaptivecards|@azure/core-rest-pipeline)' },
    },
    {
      name: 'slack-only-in-slack',
      severity: 'error',
      from: { pathNot: '^adapters/slack/' },
      to: { path: 'node_modules/@slack/' },
    },
    {
      name: 'time-is-a-leaf',
      comment:
        'src/time (cron checks, zones) is used by subscriptions, feeds and the scheduler alike: it imports none of them.',
      severity: 'error',
      from: { path: '^src/time/' },
      to: { path: '^(src|adapters)/', pathNot: '^src/time/' },
    },
    {
      name: 'subscriptions-not-on-scheduler',
      comment: 'Subscriptions are data and parsing; the scheduler reads them, never the reverse.',
      severity: 'error',
      from: { path: '^src/subscriptions/' },
      to: { path: '^src/schedule/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|test)/' },
  },
};
