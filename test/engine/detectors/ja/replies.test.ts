/**
 * Whole replies: model Japanese support replies (the kind a seasoned agent writes) get no finding from
 * any Japanese rule, and the bad example replies in examples/replies get the findings they were written
 * to show. Catches rules that are right one sentence at a time but noisy on a real reply.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../../helpers/engine';

const MODEL_REPLIES: Record<string, string> = {
  broken: "山田様\n\nお問い合わせいただき、ありがとうございます。\nお届けした商品が破損していたとのこと、大変ご迷惑をおかけいたしました。深くお詫び申し上げます。\n調査の結果、梱包時の緩衝材が不足していたことが原因と判明いたしました。\nお手数をおかけしますが、破損した商品の写真をお送りいただけますでしょうか。\n写真を確認でき次第、代わりの商品を発送いたします。なお、24時間以内に一度、進捗をご報告いたします。\n本件は引き続き私、鈴木が責任を持って対応いたします。\n何卒よろしくお願い申し上げます。\n",
  delay: "田中様\n\nいつも当店をご利用いただき、誠にありがとうございます。\nカスタマーサポートの佐藤でございます。\n\nご注文の商品がまだ届いていないとのこと、ご迷惑をおかけしており誠に申し訳ございません。\n確認いたしましたところ、配送センターでの仕分けの遅れにより、発送が予定より2日遅れておりました。\n本日、最優先で発送の手配をいたしましたので、明後日の午前中にはお届けできる見込みです。\nお届けの状況は、24時間以内に改めてご連絡いたします。\n本件は引き続き私、佐藤が担当いたします。\n\n今後ともよろしくお願い申し上げます。\n\n--\n株式会社サンプル カスタマーサポート\n佐藤 花子\n",
  login: "高橋様\n\nいつもお世話になっております。\nログインできない件につきまして、ご不便をおかけしており誠に申し訳ございません。\n現在、原因を調査しております。本日18時までに、調査の状況をご報告いたします。\n恐れ入りますが、それまでの間は、お手元のアプリを最新版に更新のうえ、再度お試しいただけますでしょうか。\n本件は引き続き私、伊藤が担当いたします。\nご不明な点がございましたら、お気軽にお問い合わせください。\n今後ともどうぞよろしくお願いいたします。\n",
  question: "木村様\n\nお問い合わせいただき、ありがとうございます。\nご質問いただいた商品の在庫につきまして、確認いたしました。\n現在、ご希望のサイズは在庫がございます。\nご注文の際は、商品ページからお手続きいただけます。\n何かご不明な点がございましたら、お気軽にご連絡ください。\nよろしくお願いいたします。\n",
  refund: "中村様\n\nお問い合わせいただき、ありがとうございます。\n二重に請求されていた件、ご心配をおかけし誠に申し訳ございません。\n確認したところ、決済システムの不具合により、同じご注文が二度処理されておりました。\n重複分の返金手続きは本日完了いたしました。ご利用のカード会社により、反映まで数日かかる場合がございます。\n本件は引き続き私、小林が担当いたします。\n今後ともよろしくお願い申し上げます。\n",
};

const example = (name: string) => readFileSync(path.resolve(__dirname, '../../../../examples/replies', name), 'utf8');

async function jaFindings(text: string, agentName?: string) {
  const engine = await testEngine();
  const report = await engine.analyzeAsync(text, { market: 'jp', ...(agentName ? { agentName } : {}) });
  return { report, findings: report.findings.filter((f) => f.ruleId.startsWith('ja/')) };
}

describe('model Japanese replies', () => {
  it.each(Object.entries(MODEL_REPLIES))('%s: no findings, formal register', async (_name, text) => {
    const { report, findings } = await jaFindings(text);
    expect(findings.map((f) => `${f.message.id} ${text.slice(f.start, f.end)}`)).toEqual([]);
    expect(report.scores.formality).toBeGreaterThan(0.8);
  });
});

describe('bad example replies', () => {
  it('jp-complaint-no-apology.txt: no apology, さん, plain endings, casual words, no commitment, no owner, no closing', async () => {
    const { report, findings } = await jaFindings(example('jp-complaint-no-apology.txt'));
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(
      new Set(['ja/missing-apology', 'ja/customer-address', 'ja/plain-ending', 'ja/casual-wording', 'ja/missing-commitment', 'ja/missing-owner', 'ja/missing-closing']),
    );
    expect(report.scores.formality).toBeLessThan(0.5);
  });
  it('jp-keigo-mistakes.txt: the keigo errors', async () => {
    const { findings } = await jaFindings(example('jp-keigo-mistakes.txt'), '佐藤');
    // 本日中に修正版を配信いたします is a dated remedy: the case is scheduled, so no owner or time is asked for.
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(
      new Set(['ja/customer-address', 'ja/double-keigo', 'ja/plain-ending', 'ja/ra-nuki', 'ja/keigo-direction']),
    );
  });
  it('jp-refund-refusal.txt: a bare refusal and a casual request', async () => {
    const { findings } = await jaFindings(example('jp-refund-refusal.txt'));
    expect(findings.map((f) => f.ruleId)).toEqual(['ja/missing-cushion', 'ja/casual-wording']);
  });
});
