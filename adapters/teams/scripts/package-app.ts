import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipFiles } from './zip';

export const APP_PACKAGE_DIR = join(__dirname, '..', 'appPackage');

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** A host name as Teams wants it in validDomains: no scheme, no path, no port. */
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export class PackageError extends Error {}

/**
 * Fills the manifest's `${{NAME}}` placeholders from the environment, checks the result, and
 * zips it with the two icons: the file to upload in Teams ("Upload a custom app").
 */
export function buildAppPackage(
  env: NodeJS.ProcessEnv,
  outDir = join(APP_PACKAGE_DIR, 'build'),
): { zipPath: string; manifest: Record<string, unknown> } {
  const appId = env.MicrosoftAppId?.trim() ?? '';
  const domain = (env.CYBERBRIEF_TEAMS_DOMAIN?.trim() ?? '').replace(/^https?:\/\//i, '').replace(/\/.*$/, '');
  const values: Record<string, string> = {
    MicrosoftAppId: appId,
    CYBERBRIEF_TEAMS_APP_ID: env.CYBERBRIEF_TEAMS_APP_ID?.trim() || appId,
    CYBERBRIEF_TEAMS_DOMAIN: domain,
    CYBERBRIEF_TEAMS_INFO_URL: env.CYBERBRIEF_TEAMS_INFO_URL?.trim() || `https://${domain}/`,
  };
  const problems: string[] = [];
  if (!GUID.test(values.MicrosoftAppId!))
    problems.push('MicrosoftAppId: the bot registration’s application (client) id, a GUID');
  if (!GUID.test(values.CYBERBRIEF_TEAMS_APP_ID!))
    problems.push('CYBERBRIEF_TEAMS_APP_ID: a GUID (leave unset to reuse MicrosoftAppId)');
  if (!HOST.test(domain))
    problems.push('CYBERBRIEF_TEAMS_DOMAIN: the public host name of cyberbrief serve, e.g. cyberbrief.example.org');
  if (!/^https:\/\/\S+$/.test(values.CYBERBRIEF_TEAMS_INFO_URL!))
    problems.push('CYBERBRIEF_TEAMS_INFO_URL: an https URL');
  if (problems.length > 0) throw new PackageError(`cannot build the Teams app package:\n  ${problems.join('\n  ')}`);

  const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new PackageError(`manifest.json: unknown placeholder ${name}`);
    return v;
  });
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, 'cyberbrief-teams.zip');
  writeFileSync(
    zipPath,
    zipFiles([
      { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
      { name: 'color.png', data: readFileSync(join(APP_PACKAGE_DIR, 'color.png')) },
      { name: 'outline.png', data: readFileSync(join(APP_PACKAGE_DIR, 'outline.png')) },
    ]),
  );
  return { zipPath, manifest };
}

if (require.main === module) {
  // The same .env as `cyberbrief serve`, when there is one.
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    const { zipPath, manifest } = buildAppPackage(process.env);
    process.stdout.write(
      `${zipPath}\n  app ${String(manifest.id)}, version ${String(manifest.version)}: upload it in Teams (Apps > Manage your apps > Upload an app)\n`,
    );
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = e instanceof PackageError ? 2 : 70;
  }
}
