import type { types } from '@slack/bolt';
import { fitMrkdwn, fitPlain, LIMITS } from './limits';

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;

/** What every renderer returns: blocks plus the plain `text` Slack shows in notifications and reads to screen readers. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Small constructors that apply the limits where the text is set. Callers pass mrkdwn that is
 * already escaped (see escape.ts); `verbatim` stops Slack from re-reading it for mentions and links.
 */
export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: fitPlain(text || ' ', LIMITS.headerText), emoji: false } };
}

export function section(mrkdwn: string, blockId?: string): types.SectionBlock {
  return {
    type: 'section',
    ...(blockId ? { block_id: blockId } : {}),
    text: { type: 'mrkdwn', text: fitMrkdwn(mrkdwn || ' ', LIMITS.sectionText), verbatim: true },
  };
}

export function fields(items: string[]): types.SectionBlock {
  return {
    type: 'section',
    fields: items
      .slice(0, LIMITS.fields)
      .map((t) => ({ type: 'mrkdwn' as const, text: fitMrkdwn(t || ' ', LIMITS.fieldText), verbatim: true })),
  };
}

export function context(items: string[]): types.ContextBlock {
  return {
    type: 'context',
    elements: items
      .slice(0, LIMITS.contextElements)
      .map((t) => ({ type: 'mrkdwn' as const, text: fitMrkdwn(t || ' ', LIMITS.sectionText), verbatim: true })),
  };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: fitPlain(text || '…', LIMITS.buttonText), emoji: false },
    action_id: actionId,
    value: value.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

export function actions(elements: Button[], blockId?: string): types.ActionsBlock {
  return {
    type: 'actions',
    ...(blockId ? { block_id: blockId } : {}),
    elements: elements.slice(0, LIMITS.actionsElements),
  };
}

/** A button that opens a link (Slack still sends an action, which the app acknowledges). */
export function urlButton(text: string, actionId: string, url: string): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: fitPlain(text, LIMITS.buttonText), emoji: false },
    action_id: actionId,
    url,
  };
}
