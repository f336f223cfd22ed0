/**
 * Discord messages drawn as HTML close to how the Discord client draws them on a phone: the
 * Markdown parsed with Discord's rules (`discord-markdown-parser`), embeds with their coloured
 * bar, author, title, description, fields and footer, and rows of buttons, at Discord's font
 * sizes, line heights and spacing. Only what our messages use.
 */
import { parse } from 'discord-markdown-parser';
import type { BotMessage } from '../../src/discord/render/payload.ts';

type Node = { type: string; content?: unknown; target?: string };

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Discord Markdown (embed flavour) as HTML. */
export function markdownHtml(markdown: string): string {
  return nodesHtml(parse(markdown, 'extended') as Node[]);
}

function nodesHtml(nodes: Node[]): string {
  return nodes.map(nodeHtml).join('');
}

function nodeHtml(node: Node): string {
  const inner = () =>
    Array.isArray(node.content) ? nodesHtml(node.content as Node[]) : escapeHtml(String(node.content ?? ''));
  switch (node.type) {
    case 'text':
      return escapeHtml(String(node.content)).replace(/\n/g, '<br>');
    case 'br':
      return '<br>';
    case 'strong':
      return `<strong>${inner()}</strong>`;
    case 'em':
      return `<em>${inner()}</em>`;
    case 'underline':
      return `<u>${inner()}</u>`;
    case 'strikethrough':
      return `<s>${inner()}</s>`;
    case 'inlineCode':
      return `<code>${inner()}</code>`;
    case 'url':
    case 'link':
    case 'autolink':
      return `<a>${inner()}</a>`;
    default:
      return `<span class="pill">${inner()}</span>`;
  }
}

const hex = (color: number | undefined) => `#${(color ?? 0x1e1f22).toString(16).padStart(6, '0')}`;

/** One bot message as the phone client lays it out (avatar, name, content, embeds, buttons). */
export function messageHtml(message: BotMessage, id: string): string {
  const embeds = message.embeds
    .map((e) => {
      const parts = [
        e.author ? `<div class="author">${escapeHtml(e.author.name)}</div>` : '',
        e.title ? `<div class="title">${markdownHtml(e.title)}</div>` : '',
        e.description ? `<div class="description">${markdownHtml(e.description)}</div>` : '',
        ...(e.fields ?? []).map(
          (f) => `<div class="field"><div class="fname">${markdownHtml(f.name)}</div>${markdownHtml(f.value)}</div>`,
        ),
        e.footer ? `<div class="footer">${escapeHtml(e.footer.text)}</div>` : '',
      ];
      return `<div class="embed" style="border-left-color:${hex(e.color)}">${parts.join('')}</div>`;
    })
    .join('');
  const rows = (message.components ?? [])
    .map(
      (row) =>
        `<div class="row">${row.components
          .map((b) => {
            const label = 'label' in b && b.label ? escapeHtml(b.label) : '';
            const emoji = 'emoji' in b && b.emoji?.name ? b.emoji.name : '';
            return `<span class="button">${emoji}${emoji && label ? ' ' : ''}${label}</span>`;
          })
          .join('')}</div>`,
    )
    .join('');
  const content = message.content ? `<div class="content">${markdownHtml(message.content)}</div>` : '';
  return `<div class="message" id="${id}"><div class="avatar"></div><div class="body"><div class="name">odlomek <span class="tag">APP</span></div>${content}${embeds}${rows}</div></div>`;
}

/** A page of messages at `width` px, Discord's dark theme. */
export function pageHtml(messages: string[], width: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; width: ${width}px; background: #313338; color: #dbdee1;
         font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 16px; line-height: 1.375; }
  .message { display: flex; padding: 8px 12px 8px 12px; margin-top: 16px; }
  .avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: #5865f2; margin-right: 12px; }
  .body { min-width: 0; flex: 1; }
  .name { font-weight: 600; color: #f2f3f5; }
  .tag { font-size: 10px; background: #5865f2; color: #fff; border-radius: 3px; padding: 0 4px; vertical-align: 2px; }
  .content { white-space: pre-wrap; overflow-wrap: anywhere; }
  .embed { margin-top: 4px; background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px;
           font-size: 14px; line-height: 18px; overflow-wrap: anywhere; }
  .author { margin-top: 8px; font-weight: 600; color: #f2f3f5; }
  .title { margin-top: 8px; font-size: 16px; line-height: 22px; font-weight: 600; color: #00a8fc; }
  .description { margin-top: 8px; white-space: pre-wrap; }
  .field { margin-top: 8px; } .fname { font-weight: 600; }
  .footer { margin-top: 8px; font-size: 12px; line-height: 16px; color: #b5bac1; }
  .row { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
  .button { height: 32px; line-height: 32px; padding: 0 16px; border-radius: 3px; background: #4e5058; color: #fff;
            font-size: 14px; white-space: nowrap; }
  a { color: #00a8fc; } code { background: #1e1f22; font-size: 85%; }
  .pill { background: #3c4270; color: #c9cdfb; border-radius: 3px; }
  </style></head><body>${messages.join('\n')}</body></html>`;
}
