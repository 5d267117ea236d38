/**
 * Bot scopes, the same in manifest.yml and in the OAuth install URL:
 * commands (the slash command), chat:write (digests, DMs to subscribers), channels:join (join a
 * public channel to post its digest), users:read (who is a workspace admin), im:write (tell a
 * subscriber their digest is paused), links:read and links:write (unfurl a pasted full-brief link
 * of CYBERBRIEF_PUBLIC_URL's domain).
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'channels:join',
  'users:read',
  'im:write',
  'links:read',
  'links:write',
] as const;
