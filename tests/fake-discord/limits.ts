/**
 * Checks Discord enforces (or documents) that its OpenAPI description cannot express or gets wrong,
 * applied on top of the schema validation in `openapi-validator.ts`:
 *
 * - message `content` ≤ 2000 (the spec says 4000 for channel messages; the documentation wins),
 *   counted in UTF-16 code units, which is never less than Discord's own count;
 * - embeds: 6000 characters in total across all embeds of a message, description ≤ 4096, title ≤ 256,
 *   field name ≤ 256, field value ≤ 1024, ≤ 25 fields, footer ≤ 2048, author name ≤ 256;
 * - every message-bearing body (one carrying `content` or `embeds`) has
 *   `allowed_mentions: { parse: [] }` with no `users`/`roles` allow-list: this project's rule that
 *   the bot never pings anybody, whatever the question or the article text contains;
 * - a new message is not empty (Discord answers 50006 "Cannot send an empty message");
 * - autocomplete choices: ≤ 25, name and value ≤ 100 characters (the spec allows 6000 for values);
 * - application commands: lower-case names matching Discord's name pattern, descriptions of 1–100
 *   characters for slash commands, required options before optional ones, unique names, ≤ 25 choices.
 */

type Obj = Record<string, unknown>;

/**
 * Marks problems that are this project's policy (never ping anyone) rather than something Discord
 * itself rejects: the fake reports them but still answers 2xx, as Discord would.
 */
export const POLICY = '[policy] ';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === 'string' ? v.length : 0);

/** Discord's documented pattern for command and option names (the `-_'` plus letters/digits form). */
const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Problems with one message body; `isNew` adds the "not empty" rule (edits may be partial). */
export function messageProblems(body: unknown, isNew: boolean, where = ''): string[] {
  if (!isObj(body)) return [];
  const out: string[] = [];
  const at = (s: string) => (where ? `${where}.${s}` : s);
  if (len(body.content) > 2000) out.push(`${at('content')} is ${len(body.content)} characters; Discord allows 2000`);

  const embeds = Array.isArray(body.embeds) ? body.embeds.filter(isObj) : [];
  let total = 0;
  embeds.forEach((e, i) => {
    const ep = at(`embeds[${i}]`);
    const author = isObj(e.author) ? e.author : {};
    const footer = isObj(e.footer) ? e.footer : {};
    const fields = Array.isArray(e.fields) ? e.fields.filter(isObj) : [];
    if (len(e.title) > 256) out.push(`${ep}.title is ${len(e.title)} characters; max 256`);
    if (len(e.description) > 4096) out.push(`${ep}.description is ${len(e.description)} characters; max 4096`);
    if (len(author.name) > 256) out.push(`${ep}.author.name is ${len(author.name)} characters; max 256`);
    if (len(footer.text) > 2048) out.push(`${ep}.footer.text is ${len(footer.text)} characters; max 2048`);
    if (fields.length > 25) out.push(`${ep}.fields has ${fields.length} fields; max 25`);
    fields.forEach((f, j) => {
      if (len(f.name) > 256) out.push(`${ep}.fields[${j}].name is ${len(f.name)} characters; max 256`);
      if (len(f.value) > 1024) out.push(`${ep}.fields[${j}].value is ${len(f.value)} characters; max 1024`);
      total += len(f.name) + len(f.value);
    });
    total += len(e.title) + len(e.description) + len(author.name) + len(footer.text);
  });
  if (total > 6000)
    out.push(
      `${at('embeds')} total ${total} characters across title/description/fields/footer/author; Discord allows 6000`,
    );

  const bearsMessage = 'content' in body || 'embeds' in body;
  if (bearsMessage) {
    const am = body.allowed_mentions;
    if (!isObj(am))
      out.push(`${POLICY}${at('allowed_mentions')} is missing: without it Discord parses every mention in the text`);
    else {
      if (!Array.isArray(am.parse) || am.parse.length !== 0)
        out.push(`${POLICY}${at('allowed_mentions.parse')} must be [] (got ${JSON.stringify(am.parse)})`);
      for (const k of ['users', 'roles'] as const) {
        if (Array.isArray(am[k]) && am[k].length > 0)
          out.push(`${POLICY}${at(`allowed_mentions.${k}`)} must be empty (got ${JSON.stringify(am[k])})`);
      }
    }
  }
  if (isNew) {
    const hasSomething =
      len(body.content) > 0 ||
      embeds.length > 0 ||
      (Array.isArray(body.components) && body.components.length > 0) ||
      (Array.isArray(body.attachments) && body.attachments.length > 0) ||
      (Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0) ||
      isObj(body.poll);
    if (!hasSomething) out.push(`${where || 'body'}: Cannot send an empty message (Discord error 50006)`);
  }
  return out;
}

function autocompleteProblems(data: unknown): string[] {
  if (!isObj(data)) return [];
  const choices = Array.isArray(data.choices) ? data.choices : [];
  const out: string[] = [];
  if (choices.length > 25) out.push(`data.choices has ${choices.length} choices; max 25`);
  choices.forEach((c, i) => {
    if (!isObj(c)) return;
    if (len(c.name) > 100 || len(c.name) < 1)
      out.push(`data.choices[${i}].name is ${len(c.name)} characters; must be 1–100`);
    if (typeof c.value === 'string' && c.value.length > 100)
      out.push(`data.choices[${i}].value is ${c.value.length} characters; max 100`);
  });
  return out;
}

function optionProblems(options: unknown, where: string): string[] {
  if (!Array.isArray(options)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  let optionalSeen = false;
  options.forEach((o, i) => {
    if (!isObj(o)) return;
    const at = `${where}.options[${i}]`;
    const name = typeof o.name === 'string' ? o.name : '';
    if (!NAME_PATTERN.test(name) || name !== name.toLowerCase())
      out.push(`${at}.name ${JSON.stringify(name)} must be 1–32 lower-case letters, digits, - _ or '`);
    if (seen.has(name)) out.push(`${at}.name ${JSON.stringify(name)} is used twice`);
    seen.add(name);
    if (len(o.description) < 1 || len(o.description) > 100) out.push(`${at}.description must be 1–100 characters`);
    const isSub = o.type === 1 || o.type === 2;
    if (!isSub) {
      if (o.required === true && optionalSeen) out.push(`${at} is required but follows an optional option`);
      if (o.required !== true) optionalSeen = true;
    }
    if (Array.isArray(o.choices)) {
      if (o.choices.length > 25) out.push(`${at}.choices has ${o.choices.length}; max 25`);
      if (o.autocomplete === true && o.choices.length > 0) out.push(`${at} has both autocomplete and choices`);
      o.choices.forEach((c, j) => {
        if (isObj(c) && typeof c.value === 'string' && c.value.length > 100)
          out.push(`${at}.choices[${j}].value is longer than 100`);
      });
    }
    if (isSub) out.push(...optionProblems(o.options, at));
  });
  return out;
}

/** Problems with one application command definition (create or bulk overwrite item). */
export function commandProblems(cmd: unknown, where: string): string[] {
  if (!isObj(cmd)) return [];
  const out: string[] = [];
  const type = cmd.type ?? 1;
  const name = typeof cmd.name === 'string' ? cmd.name : '';
  if (type === 1) {
    if (!NAME_PATTERN.test(name) || name !== name.toLowerCase())
      out.push(`${where}.name ${JSON.stringify(name)} must be 1–32 lower-case letters, digits, - _ or '`);
    if (len(cmd.description) < 1 || len(cmd.description) > 100)
      out.push(`${where}.description must be 1–100 characters for a slash command`);
  }
  out.push(...optionProblems(cmd.options, where));
  return out;
}

/** Dispatches to the checks that apply to one spec operation. */
export function limitChecks(operationId: string, body: unknown): string[] {
  switch (operationId) {
    case 'create_message':
    case 'execute_webhook':
      return messageProblems(body, true);
    case 'update_message':
    case 'update_original_webhook_message':
    case 'update_webhook_message':
      return messageProblems(body, false);
    case 'create_interaction_response': {
      if (!isObj(body)) return [];
      if (body.type === 4) return messageProblems(body.data, true, 'data');
      if (body.type === 7) return messageProblems(body.data, false, 'data');
      if (body.type === 8) return autocompleteProblems(body.data);
      return [];
    }
    case 'bulk_set_application_commands':
    case 'bulk_set_guild_application_commands': {
      if (!Array.isArray(body)) return [];
      const out = body.flatMap((c, i) => commandProblems(c, `[${i}]`));
      const names = body.filter(isObj).map((c) => `${String(c.type ?? 1)}:${String(c.name)}`);
      const dup = names.find((n, i) => names.indexOf(n) !== i);
      if (dup) out.push(`command ${dup.split(':')[1]} is defined twice`);
      return out;
    }
    case 'create_application_command':
    case 'create_guild_application_command':
      return commandProblems(body, 'body');
    default:
      return [];
  }
}
