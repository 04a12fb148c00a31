/**
 * The one interface Tonebridge uses for Japanese tokenization: kuromoji (IPADIC) today. Tokens come
 * back with UTF-16 offsets relative to the input, in our own shape (lib/lang/ja/types.ts).
 */
import type { JaToken } from './types';

/** The subset of kuromoji's token we read. */
export interface KuromojiToken {
  surface_form: string;
  word_position: number;
  pos: string;
  pos_detail_1: string;
  pos_detail_2: string;
  pos_detail_3: string;
  conjugated_type: string;
  conjugated_form: string;
  basic_form: string;
  reading?: string;
}

export interface KuromojiTokenizer {
  tokenize(text: string): KuromojiToken[];
}

export interface JaTokenizer {
  tokenize(text: string): JaToken[];
}

const orEmpty = (s: string | undefined) => (s === undefined || s === '*' ? '' : s);

export function wrapKuromoji(tokenizer: KuromojiTokenizer): JaTokenizer {
  return {
    tokenize(text: string): JaToken[] {
      const tokens: JaToken[] = [];
      let cursor = 0;
      for (const t of tokenizer.tokenize(text)) {
        // kuromoji's word_position is 1-based in code units; recompute from the cursor to be exact.
        const at = text.indexOf(t.surface_form, cursor);
        const start = at >= 0 ? at : cursor;
        const end = start + t.surface_form.length;
        cursor = end;
        tokens.push({
          surface: t.surface_form,
          start,
          end,
          pos: t.pos,
          posDetail1: orEmpty(t.pos_detail_1),
          posDetail2: orEmpty(t.pos_detail_2),
          posDetail3: orEmpty(t.pos_detail_3),
          conjugatedType: orEmpty(t.conjugated_type),
          conjugatedForm: orEmpty(t.conjugated_form),
          baseForm: t.basic_form === '*' ? t.surface_form : t.basic_form,
          reading: orEmpty(t.reading),
        });
      }
      return tokens;
    },
  };
}
