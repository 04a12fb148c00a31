/**
 * Keigo constructions in one sentence, found in one pass over its tokens:
 *
 * - 尊敬語 (sonkeigo) raises the customer's actions: お/ご〜になる, お/ご〜ください, お/ご〜です,
 *   ご〜なさる, いらっしゃる, おっしゃる, なさる, 召し上がる, くださる, ご覧, ご存じ, お越し, and the
 *   honorific 〜れる/られる.
 * - 謙譲語 (kenjogo) lowers one's own actions: お/ご〜する/いたす/申し上げる, 申す, 伺う, 参る,
 *   存じる, 承る, 拝見する, いただく, 差し上げる, 〜させていただく, お/ご〜いただく.
 * - 丁重語 (teichogo, 謙譲語Ⅱ) and polite ござる: いたす, おる, でございます.
 *
 * Each mark names its construction (`form`), so detectors can reason about it: the double-keigo
 * detector looks for 尊敬語 stacked on 尊敬語, the keigo-direction detector for a humble verb turned
 * honorific (申される) and for a humble form in a request to the customer (拝見してください).
 */
import keigoData from '../../../dictionaries/ja/keigo.json';
import {
  isCausative,
  isCourteousVerb,
  isGozaru,
  isHonorificNoun,
  isHonorificNounSurface,
  isHonorificPrefix,
  isHonorificVerb,
  isHumbleNoun,
  isHumbleVerb,
  isMizenkei,
  isPrefixedNoun,
  isReruRareru,
} from './predicates';
import type { JaToken, KeigoForm, KeigoMark, KeigoType } from './types';

export type { KeigoForm, KeigoMark, KeigoType } from './types';

/** お/ご + noun + になる idioms that are not 尊敬語 (お世話になる, ご馳走になる). */
const NI_NARU_IDIOMS = new Set<string>(keigoData.niNaruNotHonorific.stems);

/** 美化語 nouns that take an ordinary する (お代わりする, お掃除する): not お〜する. */
const BIKA_NOUNS = new Set<string>(keigoData.bikaNouns.stems);

/** お〜です only for verb stems that take it (お待ちです, お持ちですか, お困りでしたら). */
const O_DESU_STEMS = new Set(['あり', '聞き及び', '待ち', '持ち', '越し', '見え', '困り', '急ぎ', '使い', '出かけ', '探し', '帰り', '考え', '求め', '住まい', '望み', '悩み', '疲れ', '休み', '泊まり', '申し込み', '呼び', '決まり', '戻り', '着き', '揃い', '知り']);

/** Verbs that turn a Sino-Japanese noun into a verb (拝見する, 頂戴いたします, 拝借できますか). */
const VERBALISERS = new Set(['する', 'いたす', '致す', 'できる', '出来る', 'さす']);

/**
 * 参る in its other sense, "to be beaten / fed up" (ほとほと参ってしまった, 参ったよ): followed by
 * てしまう / ちゃう, or by a plain past with no polite auxiliary.
 */
function isBeatenSense(tokens: readonly JaToken[], i: number): boolean {
  if (tokens[i]!.posDetail1 === '非自立') return false;
  const n1 = tokens[i + 1];
  const n2 = tokens[i + 2];
  if (!n1) return false;
  if (n1.baseForm === 'ちゃう') return true;
  if ((n1.surface === 'て' || n1.surface === 'で') && n2 && (n2.baseForm === 'しまう' || n2.baseForm === 'ちゃう')) return true;
  return n1.pos === '助動詞' && n1.baseForm === 'た';
}

/** The receiving verbs of 〜ていただく / お〜いただく, with their potential (いただける). */
const RECEIVING = new Set(['いただく', '頂く', '戴く', 'いただける', '頂ける']);

const TE = (t: JaToken | undefined) => !!t && t.pos === '助詞' && (t.surface === 'て' || t.surface === 'で');

/** Where an お/ご-stem starting at i ends (exclusive), or -1: ご + 確認, お + 伺い, or one token お待ち. */
function stemEnd(tokens: readonly JaToken[], i: number): number {
  const t = tokens[i]!;
  if (isHonorificPrefix(t)) {
    const n = tokens[i + 1];
    if (n && (n.pos === '名詞' || (n.pos === '動詞' && n.conjugatedForm.startsWith('連用')))) return i + 2;
    return -1;
  }
  if (isPrefixedNoun(t)) return i + 1;
  return -1;
}

function stemLexeme(tokens: readonly JaToken[], from: number, to: number): string {
  const text = tokens.slice(from, to).map((t) => t.surface).join('');
  return text.replace(/^[おご御]/, '');
}

/** Every keigo construction in the sentence, in order. */
export function keigoMarks(tokens: readonly JaToken[]): KeigoMark[] {
  const marks: KeigoMark[] = [];
  const covered = new Uint8Array(tokens.length);
  const add = (type: KeigoType, form: KeigoForm, from: number, to: number, lexeme: string): KeigoMark => {
    const mark: KeigoMark = { type, form, from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end, lexeme };
    const r = tokens[to];
    if (r && isReruRareru(r)) {
      mark.stackedReru = true;
      mark.reruIndex = to;
    }
    for (let k = from; k < to; k++) covered[k] = 1;
    marks.push(mark);
    return mark;
  };

  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const t = tokens[i]!;

    // お/ご + stem + (になる | する | いたす | 申し上げる | ください | いただく | 願う | なさる | です)
    const se = stemEnd(tokens, i);
    if (se > 0) {
      const n = tokens[se];
      const lexeme = stemLexeme(tokens, i, se);
      if (n) {
        const nb = n.baseForm;
        const n2 = tokens[se + 1];
        if (n.surface === 'に' && n2 && (n2.baseForm === 'なる' || n2.baseForm === 'なれる')) {
          if (!NI_NARU_IDIOMS.has(lexeme)) add('sonkeigo', 'o-ni-naru', i, se + 2, lexeme);
          i = se + 1;
          continue;
        }
        if (nb === 'する' && n.conjugatedType.startsWith('サ変')) {
          if (BIKA_NOUNS.has(lexeme)) {
            i = se; // お代わりする: a 美化語 noun with an ordinary する
            continue;
          }
          add('kenjogo', 'o-suru', i, se + 1, lexeme);
          i = se;
          continue;
        }
        if (nb === 'いたす' || nb === '致す') {
          add('kenjogo', 'o-itasu', i, se + 1, lexeme);
          i = se;
          continue;
        }
        if (nb === '申し上げる' || nb === '申しあげる') {
          add('kenjogo', 'o-moushiageru', i, se + 1, lexeme);
          i = se;
          continue;
        }
        if (nb === 'くださる' || nb === '下さる') {
          add('sonkeigo', 'o-kudasai', i, se + 1, lexeme);
          i = se;
          continue;
        }
        if (RECEIVING.has(nb) || nb === '賜る') {
          add('kenjogo', 'o-itadaku', i, se + 1, lexeme);
          i = se;
          continue;
        }
        if (nb === '願う' && n.pos === '動詞') {
          add('kenjogo', 'o-negau', i, se + 1, lexeme);
          i = se;
          continue;
        }
        if ((nb === 'できる' || nb === '出来る') && n.pos === '動詞') {
          // ご利用できます: the potential of humble ご〜する, wrong for the customer's action.
          add('kenjogo', 'o-dekiru', i, se + 1, lexeme);
          i = se;
          continue;
        }
        if (nb === 'なさる' || nb === '為さる') {
          // お黙りなさい: a command (なさいませ is polite)
          if (!(n.conjugatedForm.startsWith('命令') && tokens[se + 1]?.baseForm !== 'ます')) add('sonkeigo', 'go-nasaru', i, se + 1, lexeme);
          i = se;
          continue;
        }
        if (n.pos === '助動詞' && (nb === 'です' || nb === 'だ') && O_DESU_STEMS.has(lexeme)) {
          add('sonkeigo', 'o-desu', i, se + 1, lexeme);
          i = se;
          continue;
        }
      }
      const stemSurface = tokens.slice(i, se).map((x) => x.surface).join('');
      if (isHonorificNounSurface(stemSurface)) {
        add('sonkeigo', 'honorific-noun', i, se, stemSurface);
        i = se - 1;
      }
      continue;
    }

    if (isHonorificNoun(t)) {
      add('sonkeigo', 'honorific-noun', i, i + 1, t.surface);
      continue;
    }

    // 拝見する, 頂戴いたす — only used as a verb: 「お手並み拝見」 is an idiom and a bare 「頂戴」 is
    // the familiar "give me".
    if (isHumbleNoun(t)) {
      const n = tokens[i + 1];
      if (n && n.pos === '動詞' && VERBALISERS.has(n.baseForm)) {
        add('kenjogo', 'humble-noun', i, i + 2, t.baseForm);
        i++;
      }
      continue;
    }

    if (isHonorificVerb(t)) {
      const b = t.baseForm;
      const prev = tokens[i - 1];
      if (b === 'くださる' || b === '下さる') {
        if (TE(prev)) add('sonkeigo', 'te-kudasaru', i, i + 1, b);
        else add('sonkeigo', 'kudasaru', i, i + 1, b);
        continue;
      }
      if (t.conjugatedForm.startsWith('命令') && tokens[i + 1]?.baseForm !== 'ます') {
        continue; // お黙りなさい, 嘘おっしゃい, 食べなさい: a command, not an honorific (なさいませ is)
      }
      add('sonkeigo', 'honorific-verb', i, i + 1, b);
      continue;
    }

    if (isHumbleVerb(t)) {
      const b = t.baseForm;
      const prev = tokens[i - 1];
      if (RECEIVING.has(b) && TE(prev)) {
        const causer = tokens[i - 2];
        if (causer && isCausative(causer) && i >= 3) {
          // 確認させていただく: from the verb before the causative (and its サ変 noun).
          let from = i - 3;
          const verb = tokens[from]!;
          const noun = tokens[from - 1];
          if (verb.baseForm === 'する' && noun && noun.pos === '名詞') from--;
          add('kenjogo', 'sasete-itadaku', from, i + 1, from < i - 3 ? noun!.surface : verb.baseForm);
        } else {
          add('kenjogo', 'te-itadaku', i, i + 1, b);
        }
        continue;
      }
      if ((b === '参る' || b === 'まいる') && isBeatenSense(tokens, i)) continue;
      if ((b === '存じる' || b === '存ずる') && prev && prev.pos === '感動詞') {
        add('teichogo', 'gozaru', i, i + 1, b); // ありがとう存じます: the courteous ございます
        continue;
      }
      add('kenjogo', 'humble-verb', i, i + 1, b);
      continue;
    }

    if (isCourteousVerb(t)) {
      add('teichogo', t.baseForm === 'おる' || t.baseForm === '居る' ? 'oru' : 'itasu', i, i + 1, t.baseForm);
      continue;
    }

    if (isGozaru(t)) {
      add('teichogo', 'gozaru', i, i + 1, 'ござる');
      continue;
    }

    // Honorific 〜れる/られる on a plain verb: 来られる, 驚かれました. A passive has its agent marked
    // with に (先生に叱られた); a potential of an 一段 verb is ambiguous and left alone.
    if (isReruRareru(t) && i > 0 && !covered[i - 1]) {
      const v = tokens[i - 1]!;
      if (v.pos === '動詞' && v.posDetail1 === '自立' && isMizenkei(v) && !isHumbleVerb(v) && v.conjugatedType !== '一段') {
        let agent = false;
        for (let k = i - 2; k >= 0 && k >= i - 6; k--) {
          const p = tokens[k]!;
          if (p.pos === '助詞' && p.surface === 'に' && tokens[k - 1]?.pos === '名詞') agent = true;
          if (p.pos === '記号') break;
        }
        // 「貴社におかれましては」: the fixed honorific of 置く, with に marking whom it honours.
        const okareru = (v.baseForm === '置く' || v.baseForm === 'おく') && tokens[i - 2]?.surface === 'に';
        if (!agent || okareru) add('sonkeigo', 'reru-honorific', i - 1, i + 1, v.baseForm);
      }
    }
  }
  return marks;
}
