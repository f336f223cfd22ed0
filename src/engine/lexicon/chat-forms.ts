import { readRows } from './files.ts';

/**
 * Chat Slovenian (`lexicon/sl-chat.tsv`): colloquial forms with the standard word they stand for
 * ("kva" → "kaj", "zdej" → "zdaj"), and filler that says nothing about what is asked ("hvala",
 * "zanima", "lol").
 */
export class ChatForms {
  private readonly standard = new Map<string, string>();
  private readonly filler = new Set<string>();

  constructor(rows: string[][]) {
    for (const [form, meaning] of rows) {
      if (!form || !meaning) continue;
      if (meaning === '-') this.filler.add(form);
      else this.standard.set(form, meaning);
    }
  }

  static load(): ChatForms {
    return new ChatForms(readRows('sl-chat.tsv'));
  }

  /** The standard form of a folded colloquial word, or undefined when it is not a listed one. */
  standardOf(folded: string): string | undefined {
    return this.standard.get(folded);
  }

  isFiller(folded: string): boolean {
    return this.filler.has(folded);
  }
}
