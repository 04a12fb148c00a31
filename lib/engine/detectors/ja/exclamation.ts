/**
 * ja/exclamation — 「ありがとうございます！」「本日発送しました！」: exclamation marks in a Japanese
 * business reply read as chatty or childish; business Japanese ends sentences with 。. Each ！/! that
 * ends a Japanese sentence (or a run of them) is flagged and the fix replaces it with 。. Marks inside
 * quotes, product names or English text are left alone.
 */
import { defineDetector, type RawFinding } from '../../detector';
import { jaSentences } from '../../document';
import { NO_OPTIONS } from '../../options';

/** The run of ！/! at the end of the sentence text (before closing brackets and spaces), or undefined. */
export function finalExclamation(text: string): { start: number; end: number } | undefined {
  let end = text.length;
  while (end > 0 && /[\s」』）)]/u.test(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && (text[start - 1] === '！' || text[start - 1] === '!' || text[start - 1] === '？' || text[start - 1] === '?')) start--;
  const run = text.slice(start, end);
  if (!run.includes('！') && !run.includes('!')) return undefined;
  // A closing bracket before the run means the mark belongs to a quote or a name (「セール開催中！」).
  return start > 0 ? { start, end } : undefined;
}

export default defineDetector({
  meta: {
    id: 'ja/exclamation',
    kind: 'formality',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    holdsSend: false,
    schema: NO_OPTIONS,
    description: {
      en: 'No exclamation marks in a Japanese business reply: end sentences with 。.',
      ja: 'ビジネスの返信では感嘆符（！）を使わず、文末は「。」にします。',
    },
    messages: {
      exclamation: {
        en: '“{mark}” is too casual for a Japanese business reply; end the sentence with 。.',
        ja: '「{mark}」はビジネスの返信にはくだけすぎています。文末は「。」にしましょう。',
      },
      replace: { en: 'Replace with 。', ja: '「。」に置き換える' },
      reason: {
        en: 'Business Japanese keeps an even, restrained tone; exclamation marks read as chat or advertising, not as a company speaking to a customer.',
        ja: 'ビジネス文書では落ち着いた調子が求められます。感嘆符はチャットや広告のように見え、企業からお客様への文面にはふさわしくありません。',
      },
    },
  },
  detect({ doc }) {
    const findings: RawFinding[] = [];
    for (const s of jaSentences(doc)) {
      const hit = finalExclamation(s.text);
      if (!hit) continue;
      const start = s.start + hit.start;
      const end = s.start + hit.end;
      const mark = doc.text.slice(start, end);
      findings.push({ start, end, message: 'exclamation', data: { mark }, fixes: [{ label: 'replace', edits: [{ start, end, text: '。' }] }] });
    }
    return findings;
  },
});
