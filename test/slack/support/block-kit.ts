/**
 * Slack's documented Block Kit limits, checked independently of the renderer's own constants:
 * a message that breaks one is refused by Slack (`invalid_blocks`), so any problem is a bug.
 */
export interface MessageLike {
  text?: unknown;
  blocks?: unknown;
}

type Obj = Record<string, unknown>;

export function blockKitProblems(msg: MessageLike, maxBlocks = 50): string[] {
  const problems: string[] = [];
  const blocks = (msg.blocks ?? []) as Obj[];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  if (typeof msg.text === 'string' && msg.text.length > 40_000) problems.push('text over 40,000 characters');
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const at = `block ${i} (${String(b.type)})`;
    if (typeof b.block_id === 'string') {
      if (blockIds.has(b.block_id)) problems.push(`${at}: duplicate block_id ${b.block_id}`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case 'header': {
        const t = b.text as Obj;
        if (t.type !== 'plain_text') problems.push(`${at}: header text must be plain_text`);
        textProblems(t, 150, at, problems);
        break;
      }
      case 'section': {
        if (!b.text && !b.fields) problems.push(`${at}: section without text or fields`);
        if (b.text) textProblems(b.text as Obj, 3000, at, problems);
        if (b.fields) {
          const f = b.fields as Obj[];
          if (f.length > 10) problems.push(`${at}: ${f.length} fields (max 10)`);
          f.forEach((x, j) => textProblems(x, 2000, `${at} field ${j}`, problems));
        }
        break;
      }
      case 'context': {
        const els = b.elements as Obj[];
        if (els.length === 0 || els.length > 10) problems.push(`${at}: ${els.length} context elements (1 to 10)`);
        els.forEach((x, j) => textProblems(x, 3000, `${at} element ${j}`, problems));
        break;
      }
      case 'actions': {
        const els = b.elements as Obj[];
        if (els.length === 0 || els.length > 25) problems.push(`${at}: ${els.length} elements (1 to 25)`);
        const ids = new Set<string>();
        for (const el of els) {
          const id = String(el.action_id);
          if (ids.has(id)) problems.push(`${at}: duplicate action_id ${id}`);
          ids.add(id);
          if (id.length > 255) problems.push(`${at}: action_id over 255`);
          textProblems(el.text as Obj, 75, `${at} button`, problems);
          if (typeof el.value === 'string' && el.value.length > 2000) problems.push(`${at}: button value over 2000`);
        }
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  return problems;
}

function textProblems(t: Obj | undefined, max: number, at: string, problems: string[]): void {
  if (!t || typeof t.text !== 'string') {
    problems.push(`${at}: missing text object`);
    return;
  }
  if (t.text.length === 0) problems.push(`${at}: empty text`);
  if (t.text.length > max) problems.push(`${at}: ${t.text.length} characters (max ${max})`);
  if (t.type === 'mrkdwn' && t.verbatim !== true) problems.push(`${at}: mrkdwn text is not verbatim`);
}

/** Every string Slack will read as text in a message: the fallback and each text object. */
export function allTexts(msg: MessageLike): string[] {
  const out: string[] = [];
  if (typeof msg.text === 'string') out.push(msg.text);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Obj;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
      for (const [k, x] of Object.entries(o)) if (k !== 'text' || typeof x !== 'string') walk(x);
    }
  };
  walk(msg.blocks);
  return out;
}

/** Only mrkdwn texts and the fallback: the places where `<...>` is markup. */
export function markupTexts(msg: MessageLike): string[] {
  const out: string[] = [];
  if (typeof msg.text === 'string') out.push(msg.text);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Obj;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk(msg.blocks);
  return out;
}
