/**
 * Word paradigms from a Hunspell dictionary: the suffix rules of its `.aff` file applied to the
 * flagged entries of its `.dic` file. Only suffixes: the Slovene dictionary's prefixes (`po-`,
 * `pre-`, `za-`, `na-`, `iz-`) make other words ("pisati", "popisati"), not other forms.
 * For measuring the engine against a lexicon (`tools/measure-paradigms.ts`); nothing here runs in
 * the bot.
 */

/** One suffix rule: strip `strip` from the end of a word that matches `condition`, then add `add`. */
export interface SuffixRule {
  strip: string;
  add: string;
  condition: RegExp;
}

/**
 * The suffix rules of an affix file by flag. A rule block starts with `SFX <flag> <Y|N> <count>`
 * and has `count` lines `SFX <flag> <strip> <add>[/flags] [condition]`, `0` meaning nothing.
 * Assumes single-character flags and no alias tables (`FLAG long` or `num`, `AF`, `AM`), as in
 * `dictionary-sl`: another dictionary's may be misread.
 */
export function parseSuffixRules(aff: string): Map<string, SuffixRule[]> {
  const rules = new Map<string, SuffixRule[]>();
  const lines = aff.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!.trim().split(/\s+/);
    if (head[0] !== 'SFX' || head.length < 4 || !/^[YN]$/.test(head[2]!) || !/^\d+$/.test(head[3]!)) continue;
    const flag = head[1]!;
    const count = Number(head[3]);
    const block = rules.get(flag) ?? [];
    for (const line of lines.slice(i + 1, i + 1 + count)) {
      const [, , strip = '0', add = '0', condition = '.'] = line.trim().split(/\s+/);
      block.push({
        strip: strip === '0' ? '' : strip,
        add: add === '0' ? '' : add.split('/')[0]!,
        condition: new RegExp(`(?:${condition})$`, 'u'),
      });
    }
    rules.set(flag, block);
    i += count;
  }
  return rules;
}

/**
 * The forms of one `.dic` entry (`word/FLAGS`): the word and what each of its flags' suffix rules
 * make of it. An entry without flags is a form on its own; the dictionary lists many inflected
 * forms that way, so a paradigm read from flags may lack some of them.
 */
export function formsOfEntry(entry: string, rules: Map<string, SuffixRule[]>): string[] {
  const slash = entry.indexOf('/');
  const word = slash < 0 ? entry.trim() : entry.slice(0, slash);
  const flags = slash < 0 ? '' : entry.slice(slash + 1).trim();
  const forms = new Set([word]);
  for (const flag of flags)
    for (const rule of rules.get(flag) ?? [])
      if (word.endsWith(rule.strip) && rule.condition.test(word))
        forms.add(word.slice(0, word.length - rule.strip.length) + rule.add);
  return [...forms];
}
