/**
 * Bot scopes, the same in manifest.yml and in the OAuth install URL:
 * commands (the slash command), chat:write (digests, DMs to subscribers), channels:join (join a
 * public channel to post its digest), users:read (who is a workspace admin), im:write (tell a
 * subscriber their digest is paused).
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'channels:join', 'users:read', 'im:write'] as const;
