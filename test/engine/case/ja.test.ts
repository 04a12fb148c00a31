/**
 * The Japanese case reading (lib/engine/case/ja.ts over lib/lang/ja/case.ts): a table of drafts and
 * customer messages with what the reading must say. Replies of test/corpus/ja.json that drove a change
 * are here as cases, cut to the sentence that mattered.
 */
import { describe, expect, it } from 'vitest';
import { readCase } from '../../../lib/engine/case';
import type { CaseReading } from '../../../lib/engine/case/types';
import { testEngine } from '../../helpers/engine';

interface Case {
  draft: string;
  customer?: string;
  agentName?: string;
  /** Fields of the reading; a string stands for the span's text, true/false for its presence. */
  expect: Partial<Record<keyof CaseReading | 'dated', unknown>>;
  why?: string;
}

const cases: Case[] = [
  // what the customer reported
  { customer: '交換していただいた加湿器、その後は問題なく使えています。ありがとうございました。', draft: 'ご連絡いただきありがとうございます。', expect: { problem: false, state: 'resolved' }, why: 'negated problem + thanks: all is well (ja-e01)' },
  { customer: 'ルーターを再起動したら直りました。', draft: '無事に接続が回復したとのこと、安心いたしました。', expect: { problem: false, state: 'resolved' }, why: 'the customer says it is fixed (ja-e16)' },
  { customer: '領収書はどこから発行できますか？', draft: '領収書はマイページから発行いただけます。', expect: { problem: false, state: 'none' }, why: 'a plain question' },
  { customer: '今月の請求額がいつもと違うのですが、なぜですか？', draft: 'プランを変更されたため、日割りで計算しております。', expect: { problem: false }, why: 'a difference asked about is a question (ja-e27)' },
  { customer: '注文した商品がまだ届きません。', draft: '確認いたします。', expect: { problem: true, state: 'open' } },
  { customer: 'ネイビーを注文したのにグレーのセーターが届きました。', draft: '確認いたします。', expect: { problem: true } },
  { customer: '住所の番地を書き忘れていました。すみません。', draft: 'お届け先のご住所に番地の記載が抜けていたため、商品が戻ってきておりました。', expect: { problem: false }, why: 'the customer owns up to their slip (ja-e28)' },
  { draft: 'ログインできない件、原因を調査しております。', expect: { problem: true, state: 'open' }, why: 'the draft echoes the trouble (件)' },
  { draft: '恐れ入りますが、削除後はデータを復元できませんので、事前にエクスポートしてください。', expect: { problem: false }, why: 'a limitation is not a failure (ja-e21)' },
  { draft: '不具合がございましたら、お気軽にお問い合わせください。', expect: { problem: false }, why: 'hypothetical' },
  { draft: 'ご不便をおかけいたしますが、何卒ご理解いただけますと幸いです。', expect: { problem: false }, why: 'a cushion names ご不便, no failure (ja-e29)' },
  { customer: '延長保証は後からでも入れますか？', draft: '保証期間は5年間で、自然故障による修理を無償で承ります。', expect: { problem: false }, why: 'a kind of failure describing a service (held-out ja-h03)' },
  { customer: '開けたイヤホンですが、思ったのと違ったので返品したいです。', draft: '確認いたします。', expect: { problem: false }, why: 'the customer’s own expectation (held-out ja-h06)' },
  { customer: '洗濯機から水が漏れています。', draft: '確認いたします。', expect: { problem: true }, why: 'held-out ja-h13' },
  // apology, every conjugation
  { draft: 'ご不便をおかけいたしました。', expect: { apology: 'ご不便をおかけいたしました' } },
  { draft: 'ご迷惑をおかけし申し訳ございません。', expect: { apology: 'ご迷惑をおかけし' } },
  { draft: '深くお詫び申し上げます。', expect: { apology: 'お詫び' } },
  { draft: 'すみません、遅れました。', expect: { apology: 'すみません' } },
  { draft: 'お手数をおかけしますが、ご返送ください。', expect: { apology: false }, why: 'お手数をおかけしますが is a cushion' },
  // cause: a clause
  { customer: '届いたお皿が割れていました。', draft: '配送中の衝撃で破損したものと存じます。', expect: { cause: '配送中の衝撃で' } },
  { customer: 'ログインできません。', draft: '5回間違えるとロックされる仕組みのため、現在ロックされております。', expect: { cause: '5回間違えるとロックされる仕組みのため' } },
  { customer: '二重に引き落とされています。', draft: '処理が重複して実行されたことにより、二重の請求が発生しておりました。', expect: { cause: true }, why: '〜ことにより (ja-e07)' },
  { customer: '届きません。', draft: '年末の注文集中により、出荷が遅れております。', expect: { cause: '年末の注文集中により' } },
  { customer: '夜は遅いです。', draft: '夜間はご利用が集中するため、速度が低下する場合がございます。', expect: { cause: true }, why: 'a verb clause with a cause noun before ため (ja-e34)' },
  { customer: '請求額が高いです。', draft: '現在、請求内容の明細を確認しております。', expect: { cause: true }, why: 'being looked into (ja-e13)' },
  { draft: 'ご確認のため、ご連絡いたしました。', expect: { cause: false }, why: 'ご確認のため is a purpose' },
  { customer: 'ネットがつながりません。', draft: 'お客様のルーターの設定ミスが原因です。', expect: { cause: true, blame: true } },
  // owner
  { customer: '届きません。', draft: '明日12時までに私からご連絡いたします。', expect: { owner: '私から' } },
  { customer: '届きません。', draft: '私 佐藤が確認いたします。', expect: { owner: '私 佐藤が' } },
  { customer: '届きません。', draft: '私が責任をもって個別に対応いたします。', expect: { owner: '私が' } },
  { customer: '届きません。', draft: '担当の鈴木よりご連絡いたします。', expect: { owner: '担当の鈴木より' } },
  { customer: '届きません。', draft: '集荷の手配を私のほうで進めさせていただきます。', expect: { owner: '私のほうで' } },
  { customer: '届きません。', draft: '佐藤よりご連絡いたします。', agentName: '佐藤 花子', expect: { owner: '佐藤より' } },
  { customer: '届きません。', draft: '担当者より改めてご連絡いたします。', expect: { owner: false }, why: 'a role, not one named person' },
  { customer: '届きません。', draft: '私どもで確認いたします。', expect: { owner: false }, why: '私ども is the company' },
  // state and commitment
  { customer: '届きません。', draft: '12月19日（木）の午前中にお届けする予定でございます。', expect: { state: 'scheduled', commitment: true, dated: true } },
  { customer: '届きません。', draft: '本日発送いたしました。', expect: { state: 'resolved' } },
  { customer: '障害ですか。', draft: '現在は復旧しております。', expect: { state: 'resolved' }, why: 'a result state (ja-f13)' },
  { customer: 'エラーが出ます。', draft: '現在修正しております。', expect: { state: 'open' }, why: 'still in progress' },
  { customer: '届きません。', draft: '状況が分かり次第、改めてご連絡いたします。', expect: { state: 'open', commitment: true, dated: false } },
  { customer: '届きません。', draft: '明日の正午までに、私より改めてご連絡いたします。', expect: { state: 'scheduled', dated: true } },
  { customer: '返金してもらえますか。', draft: 'ご契約者様の委任状をご用意いただければ、ご案内することが可能です。', expect: { commitment: false, awaitingCustomer: true }, why: 'a possibility, not a promise (ja-e29)' },
  // refusal, alternative, requests
  { draft: '返品はいたしかねます。', expect: { refusal: 'いたしかねます', alternative: false } },
  { draft: 'セール品の交換はお受けできません。', expect: { refusal: 'お受けできません' } },
  { draft: '返品はしなくて大丈夫です。', expect: { refusal: false } },
  { draft: '返金の件、ご検討いただくことはできませんでしょうか。', expect: { refusal: false } },
  { draft: '返品はいたしかねます。代わりに、無償で修理を承ります。', expect: { refusal: true, alternative: '代わり' } },
  { draft: '返品はいたしかねます。マイページから交換をお申し込みいただけます。', expect: { alternative: 'いただけ' } },
  { draft: '開封後の返品はお受けいたしかねます。なお、初期不良の場合は、新品と交換いたします。', expect: { refusal: true, alternative: '交換' }, why: 'a remedy offered under a condition (held-out ja-h06)' },
  { draft: '同封の伝票にご記入のうえ、商品をご返送ください。', expect: { requests: ['ご返送ください'], awaitingCustomer: true } },
  { draft: 'ご不明な点がございましたら、お気軽にお問い合わせください。', expect: { requests: [] } },
  { draft: '今後ともよろしくお願い申し上げます。', expect: { requests: [] } },
  { draft: '設定を見直してください。', expect: { requests: ['見直してください'] } },
  // held-out round 5 (session 6)
  { customer: '先日は手荷物が届かなかった件で大変お世話になりました。スーツケースが昨日無事に自宅へ届きました。ありがとうございました。', draft: 'スーツケースが無事にお手元に届いたとのこと、安堵いたしました。', expect: { problem: false, state: 'resolved' }, why: '無事に届きました: it went well in the end (h5ja-01)' },
  { customer: '無事に届くか心配です。', draft: '確認いたします。', expect: { state: 'none' }, why: '無事に + a wish, not a report' },
  { customer: '12月3日着のコートがまだ届きません。', draft: 'お届けは12月9日（水）の午前中を予定しております。', expect: { state: 'scheduled', commitment: 'お届けは12月9日（水）の午前中を予定', dated: true }, why: 'the remedy as topic, planned later in the sentence (h5ja-05)' },
  { customer: '届きません。', draft: '返金は予定しておりません。', expect: { commitment: false }, why: 'a negated plan' },
  { customer: 'ログインできなくなりました。', draft: 'このたびは、この仕組みが働いたものと考えられます。', expect: { cause: true }, why: 'a diagnosis of what happened, a mechanism at work (h5ja-10)' },
  { customer: 'ログインできなくなりました。', draft: '明日には届くと思われます。', expect: { cause: false }, why: 'a guess about the future is no cause' },
  { customer: 'ログインできなくなりました。', draft: 'ご不安をおかけして申し訳ございません。以下のいずれかの方法でご利用を再開いただけます。30分ほどお待ちいただいた後、再度ログインをお試しください。', expect: { state: 'open', selfService: true }, why: 'a way to settle it now, nothing of ours pending (h5ja-10)' },
  { customer: 'ログインできなくなりました。', draft: '原因を調査しております。なお、別の端末からはご利用いただけます。', expect: { selfService: false }, why: 'a check of ours is under way' },
  { customer: '返却後に請求された燃料代が高すぎます。', draft: '確認いたします。', expect: { problem: true }, why: '"too …" from the customer is a complaint (h5ja-26)' },
  { customer: '帳票出力エラーの件、その後いかがでしょうか。', draft: '調査の結果がまとまりましたのでご報告いたします。', expect: { commitment: false }, why: 'a report made in this message, not a promise (h5ja-15)' },
  { customer: 'エラーが出ます。', draft: '本日12時に修正版を配信し、正常に出力できることを確認しております。', expect: { state: 'resolved' }, why: 'a remedy in the connective form, then a resulting state (h5ja-15)' },
  { customer: 'エラーが出ます。', draft: '原因を調査し、明日ご連絡いたします。', expect: { state: 'scheduled' }, why: 'connective + a future promise: not done' },
  { customer: '引っ越しでソファを捨てたいのですが、どうすればいいですか。', draft: 'ソファは次の手順でお出しいただけます。\n1. 受付ページでお申し込みください。\n2. 処理券を品物に貼ってください。', expect: { requests: [] }, why: 'steps of a how-to are instructions, not requests (h6ja-09)' },
  { customer: '保険証券を紛失しました。再発行はできますか。', draft: '再発行は可能でございます。', expect: { problem: false }, why: 'the customer lost their own document: nothing of ours to apologise for (h6ja-17)' },
  { customer: 'お荷物が紛失されたようです。', draft: '確認いたします。', expect: { problem: true }, why: 'lost by someone else' },
  { customer: '家の前の道路に大きな穴が開いていて危ないです。', draft: '確認いたします。', expect: { problem: true }, why: 'a hazard reported (h6ja-25)' },
  { customer: 'チケット代はいつ返金されますか。', draft: 'チケット代金は、8月20日（火）にクレジットカードへ返金いたします。', expect: { state: 'scheduled', contactPromised: false }, why: 'a dated refund, no further contact promised (h6ja-16)' },
  { customer: '街灯が消えたままです。', draft: '12月11日までに修理を完了する予定です。完了しましたら、メールでお知らせいたします。', expect: { state: 'scheduled', contactPromised: true } },
  { customer: '昨日ビットコインの出金を申請しましたが、まだ着金していません。', draft: '確認いたします。', expect: { problem: true }, why: 'a transfer not received (h7ja-02)' },
  { customer: 'メールで退会手続きできませんか。', draft: 'メールやお電話での退会手続きはできません。', expect: { refusal: '手続きはできません' }, why: 'a procedure refused (h7ja-04)' },
  { customer: '『うすしお』はごまが入っていないですよね？', draft: 'お問い合わせの「うすしお」について、ご回答いたします。', expect: { problem: false, commitment: false }, why: 'asking to confirm; an answer given in this message (h9ja-04)' },
  { customer: 'キャンセル料の請求が来ました。', draft: '翌朝の伝言確認の際に私どもがこのご伝言を見落とし、無断キャンセルとして処理しておりました。', expect: { cause: true }, why: 'a slip of ours owned is the account of what happened (h8ja-14)' },
  { customer: '急にガスが出なくなりました。', draft: '多くはガスメーターの安全装置が働き、ガスを自動で止めている状態です。', expect: { cause: true }, why: 'a mechanism at work (h8ja-06)' },
  { customer: '届いたバッグに大きな擦れがあります。', draft: 'バッグ底面の擦れは説明にはあてはまらないものと、弊社でも判断いたしました。', expect: { cause: true }, why: 'what we determined (h8ja-01)' },
  { customer: '38,000円の請求は高すぎます。', draft: 'ご利用明細を確認いたしましたところ、韓国でのデータ通信が定額の対象外となり、従量制で計算されておりました。', expect: { cause: true }, why: 'what the check found, a state that was (h9ja-06)' },
  { customer: 'ロッカーから荷物が取り出せません。', draft: '扉の電子錠が、通信エラーにより解錠の信号を受け付けない状態になっております。', expect: { refusal: false }, why: 'a device’s fault, not our refusal (h9ja-16)' },
  { customer: '夜になると回線が遅くなります。', draft: 'お客様の宅内機器や設定の問題ではございません。', expect: { blame: false }, why: 'the customer cleared, not blamed (h8ja-13)' },
  { customer: '肥料が2回請求されているように見えます。', draft: '2月14日にご注文いただいた化成肥料が、伝票の入力時に二重に計上されていた。大変申し訳ございません。', expect: { cause: true }, why: 'an account of what went wrong, told in the past (h10ja-02)' },
  { customer: 'ダウンロードリンクが開けなくなっています。', draft: 'ダウンロードリンクは、セキュリティ保護のため、発行から30日で自動的に無効になる設定となっております。', expect: { cause: true }, why: 'how things are set up (h10ja-30)' },
  { customer: '同じ金額が2回請求されています。', draft: 'このたびは二重に請求が発生しており、大変申し訳ございません。重複分は本日返金いたしました。', expect: { cause: false }, why: 'the apology names the trouble and the remedy fixes it: neither explains it (ja-f15)' },
  { customer: '先日は返却できないトラブルの対応ありがとうございました。返金も確認できました。', draft: 'ご丁寧にご連絡をいただき、ありがとうございます。', expect: { problem: false }, why: 'a trouble named as what the thanks are for (h10ja-03)' },
  { customer: 'e-Taxで送信したいのですが、やり方が分かりません。', draft: 'なお、パスワードを5回続けて誤って入力するとロックがかかりますので、ご注意ください。', expect: { problem: false }, why: 'asking how; a caution is no report (h10ja-05)' },
  { customer: 'ジェムが反映されていません。', draft: 'ジェムが反映されていないとのこと、ご迷惑をおかけしてすみません。', expect: { apology: 'すみません' }, why: 'the apology is the casual word the sentence ends on (h10ja-22)' },
  { customer: '目当てのジェットコースターが運休でした。残念です。理由くらい教えてください。', draft: 'ご期待に沿えず誠に申し訳ございませんでした。', expect: { problem: true }, why: 'a let-down reported (h10ja-10)' },
  { customer: '使っていない1日分の料金は返金してもらえますか。', draft: 'お問い合わせの件につきまして、ご回答申し上げます。ご期待に沿えず誠に申し訳ございません。', expect: { refusal: true, commitment: false }, why: 'the wish not met, to a request: a no; the answer is given now (h10ja-06)' },
  { customer: '返金してもらえますか。', draft: '利用期間が短くなった場合の差額のご返金はいたしかねます。', expect: { alternative: false }, why: 'a refused remedy under a condition is no alternative' },
  { customer: '来月で車検が切れます。予約は何日前までに必要ですか。', draft: 'ご希望日の1週間前までにご予約いただけますと、確実にお受けできます。', expect: { problem: false, state: 'none' }, why: 'an event still to come is no failure (h11ja-02)' },
  { customer: '昨日14時に予約して行きましたが、呼ばれたのは14時20分でした。', draft: 'ご予約のお時間から20分お待たせしてしまい、大変申し訳ございませんでした。今後は、遅れが見込まれる時点でお伝えするよう、店内で徹底いたします。', expect: { state: 'resolved' }, why: 'a one-off that is over, answered with a step against it happening again (h11ja-05)' },
  { customer: 'またクロワッサンが売り切れでした。', draft: '当店のクロワッサンは、焼き上げまで2日かかるため、焼き上げ数を前々日に決めております。', expect: { cause: true }, why: 'a state that takes time: a reason, not a purpose (h11ja-08)' },
  { customer: '2週間経ってもまだ届きません。', draft: '配送は来週になります。もう少し待ってください。', expect: { awaitingCustomer: false }, why: 'asked only to wait, the customer has nothing to do (ja-h09)' },
  { customer: '玄関の防犯カメラが昨日からオフラインになっていて、アプリで映像が見られません。', draft: '原因を調査しております。分かり次第ご連絡いたします。', expect: { problem: true, state: 'open' }, why: 'a verb in the potential, negated, from the customer: what they cannot do (h12ja-13)' },
  { customer: '平日の日中は電話に出られません。メールでお願いします。', draft: '承知いたしました。今後はメールでご連絡いたします。', expect: { problem: false }, why: 'their own schedule (出られません) is not a failure' },
  { customer: 'iOSを更新してから、ホーム画面のウィジェットの残高が更新されません。', draft: '不具合を修正したバージョンを、6月19日に公開する予定です。公開までの間は、アプリを一度開いていただくと、残高が最新の状態に更新されます。', expect: { problem: true, state: 'scheduled', commitment: '公開する予定です' }, why: 'a fix released on a date is scheduled; what the system does once a condition is met (〜と、更新されます) is no promise (h12ja-12)' },
  { customer: 'パソコンの修理代が入っていません。おかしくないですか。', draft: 'ご契約は「建物」のみを補償の対象としており、「家財」は含まれておりません。そのため、パソコンの修理費用についてはお支払いいたしかねます。', expect: { cause: 'そのため' }, why: 'そのため、〜: the sentence before is the reason (h13ja-07)' },
  { customer: '法人向けネットバンキングで、パスワードを何度か間違えてロックされてしまいました。どうすればよいですか。', draft: 'ロックの解除方法をご案内いたします。', expect: { problem: false }, why: 'a password mistyped is their own slip; the lock is its consequence (h14ja-23)' },
  { customer: '顧客管理で追加したカスタム項目が、CSVエクスポートに含まれません。今後対応の予定はありますか。', draft: '現在のCSVエクスポートは標準項目のみが対象です。', expect: { problem: false }, why: 'a godan passive negated (含まれません) is a fact, not something they cannot do (h14ja-28)' },
  { customer: '先日の水漏れの件で保険金の請求をしたいのですが、何が必要ですか。', draft: 'このたびは店舗で水漏れの被害に遭われたとのこと、心よりお見舞い申し上げます。保険金のご請求には、以下の書類が必要です。', expect: { problem: false }, why: 'a misfortune not of our making, met with お見舞い (h14ja-29)' },
  { customer: '先週ご相談した精算金額、まだ回答をもらえていません。', draft: 'リース会社側での残債の計算に時間を要しており、現在確認を進めております。', expect: { problem: true, state: 'open', cause: true }, why: '"still not" from the customer is a failure; 確認を進めております is the cause being looked into (h14ja-13)' },
  { customer: '請求書に解約したはずのオプション料金がまだ載っています。先月も問い合わせました。', draft: 'オプションの解約は月末締めです。', expect: { problem: true }, why: '〜たはずの: what should have been, let down (h15ja-30)' },
  { customer: '確かに注文したはずです。', draft: 'ご注文を確認いたします。', expect: { problem: false }, why: 'a belief alone (はずです) reports nothing' },
  { customer: '保険金がいつ振り込まれるのか誰も答えてくれない。', draft: 'これまで3度にわたりお問い合わせいただきながら、その都度明確なお答えができず、誠に申し訳ございません。', expect: { refusal: false }, why: 'a failure of before, owned, is not a no (h15ja-12)' },
  { customer: '明日の福岡行きが欠航になったと通知が来ました。振替はどうなりますか。', draft: 'ご予定を変更させてしまい、誠に申し訳ございません。同日16時05分発の127便へ、振替のお手続きを済ませておりますので、追加のお手続きは不要です。', expect: { state: 'resolved', commitment: false }, why: '〜させてしまい is regret, not a promise; 手続きを済ませております is done (h16ja-07)' },
  { customer: 'アップデート後、昨日ガチャで引いたキャラが消えています。', draft: 'ミナト様のアカウントには、本日14時に「蒼騎士レイ」を復元いたしました。', expect: { state: 'resolved' }, why: 'data restored is a remedy done (h16ja-13)' },
  { customer: '口座振替にしたはずなのに、払込用紙が届きました。', draft: 'お調べしたところ、お客様が記入された口座番号に誤りがあり、登録ができなかったことが原因です。', expect: { blame: 'お客様が記入された口座番号に誤り' }, why: 'what the check found is the customer’s error (h16ja-20)' },
  { customer: '設定を確認してもらえますか。', draft: '確認したところ、お客様の設定に問題はございませんでした。', expect: { blame: false }, why: 'the customer cleared' },
  { customer: '先日の返金、いつ頃になりますか。', draft: '破損していた卵の返金につきまして、本日お手続きが完了いたしました。お待たせしてしまい、申し訳ございませんでした。', expect: { problem: false, state: 'resolved' }, why: 'the trouble named where its remedy is reported done is handled (h17ja-21)' },
  { customer: '同じ金額が2回出ています。', draft: 'お調べいたしましたところ、加盟店様の決済端末と弊社システムとの通信が一時的に途切れ、記録が重複しておりました。', expect: { blame: false }, why: '加盟店様 is a business, not the customer (h17ja-17)' },
  { customer: '3日に注文した電気ケトルがまだ届きません。', draft: '配送業者からは、3月9日（土）の午前中にお届けできる見込みとの回答を得ております。変化がございましたら都度ご連絡いたします。', expect: { state: 'scheduled' }, why: 'お届けできる見込み with a date schedules the case (h19ja-02)' },
  { customer: '御社の電気ケトルは向こうでも使えますか。', draft: 'アメリカの電圧でお使いになると、故障や過熱の原因となるおそれがございます。', expect: { problem: false }, why: 'お|それがございます (cut by IPADIC) is a risk, not a failure (h19ja-20)' },
  { customer: 'ログインできません。', draft: '確認したところ、スタッフの方が誤ったパスワードを5回以上入力されたことが原因で、アカウントがロックされています。', expect: { blame: 'スタッフの方が誤ったパスワードを5回以上入力されたことが原因' }, why: 'スタッフの方 is a person of the customer’s (h19ja-11)' },
  { customer: 'ログインできません。', draft: '確認したところ、弊社の方で誤った設定を入力していたことが原因でした。', expect: { blame: false }, why: '弊社の方 is our side' },
  { customer: '荷物が差出人に戻ってしまったと連絡がありました。どうなっているんですか。', draft: '確認いたしましたところ、お客様の入力ミスが原因で荷物が弊社へ返送されておりました。', expect: { problem: true }, why: 'a parcel sent back (passive) is what went wrong, not our remedy (hja-30)' },
  { customer: '12月25日のつもりで買ったチケットが、12月24日になっていました。自分のミスですが、日付の変更はできますか？', draft: '本日23時59分までにお手続きいただければ、25日へ変更が可能です。', expect: { problem: false }, why: '自分のミス: the customer names the slip as their own (h21ja-06)' },
  { customer: '大雪で乗り継ぎ便が欠航し、ホテルに1泊しました。海外旅行保険で宿泊費は補償されますか。', draft: '旅先で予定外のご宿泊となり、さぞお疲れのことと存じます。宿泊費は3万円を限度にお支払いの対象となります。', expect: { problem: false }, why: 'さぞ…と存じます: sympathy for a misfortune not of our making (h21ja-15)' },
  { customer: '海外ローミングでデータ通信ができません。', draft: '本日12月29日の20時頃の復旧を見込んでおります。復旧しましたら、SMSでお知らせいたします。', expect: { state: 'scheduled' }, why: '〜の復旧を見込んでおります with a time schedules the case (h21ja-13)' },
  { customer: '雇用保険料がおかしな金額になっています。', draft: '現在、料率の更新が一部のお客様の環境に反映されなかった原因を、開発チームとともに調査しております。', expect: { blame: false }, why: 'a cause still looked for, and "some customers", blame nobody (h22ja-04)' },
  { customer: '引っ越したのに、前の家の水道料金が請求されています。', draft: '今回のご請求は、お客様の届出漏れが原因です。', expect: { blame: true }, why: 'an omission (漏れ) of the customer\'s as the cause (h20ja-19)' },
  { customer: 'マイページにログインできない。今日中に引っ越しの手続きしたいのに', draft: '次の手順ですぐにご利用を再開いただけます。お客様番号がお手元になくても、ご住所とお名前で確認いたしますので、ご安心ください。', expect: { selfService: true }, why: 'a check on a condition (〜なくても) is how a procedure goes, not work pending (h20ja-15)' },
  { customer: '英文の成績証明書はどうやって申し込めばいいですか？', draft: '英文の証明書は即日発行ができないため、申請から発行まで5営業日ほどかかります。', expect: { refusal: false }, why: 'a limit given as the reason for the main clause (h20ja-07)' },
  { customer: 'そちらからも返金してもらえますか。', draft: '弊社から前田様へのご案内ができておらず、重ねてお詫び申し上げます。', expect: { refusal: false }, why: 'できて + おる, negated: a failure owned (h24ja-11)' },
  { customer: 'セール品を交換できますか。', draft: 'セール品は交換ができないため、ご了承ください。', expect: { refusal: true }, why: 'a limit the customer is asked to accept is a no' },
  { customer: '定期便を解約したいのですが、どこから手続きできますか。', draft: 'なお、解約ではなく一時的なお休みをご希望の場合は、「スキップ」から止めていただくことも可能です。', expect: { refusal: false }, why: '"not N but M" tells what something is (h25ja-04)' },
  { customer: '子どもが間違えて購入しました。', draft: '今後の誤購入を防ぐには、App内課金を「許可しない」に設定していただくと安心です。', expect: { refusal: false }, why: 'a label on a screen, quoted (h26ja-13)' },
  { customer: '修了証の名前の漢字が間違っています。', draft: '確認いたしましたところ、修了証の発行システムが「髙」に対応しておらず、自動的に「高」へ置き換えて出力しておりました。', expect: { refusal: false, cause: true }, why: 'what a system cannot do, told as the cause (h26ja-08)' },
  { customer: '聴覚に障害のある娘が受験します。リスニングで配慮していただくことはできますか。', draft: '聴覚に障害のある方には、リスニング問題について以下の配慮を行っております。', expect: { problem: false }, why: 'a disability and a test question are no failure (h26ja-29)' },
  { customer: '中3です。年齢制限でフレンド以外とチャットできません。制限を外してください。', draft: '申し訳ございませんが、16歳未満の方のアカウントでは、安全のため、フレンド以外の方とのチャットを制限しております。', expect: { cause: true }, why: 'a standing rule of ours is why the customer cannot (h26ja-27)' },
  { customer: '車両保険を今月の途中から一般型に切り替えたいのですが。', draft: '車両保険の補償タイプの変更は、契約期間の途中では承ることができません。', expect: { refusal: true }, why: '〜することができません: こと carries the act to its negation (h27ja-26)' },
  { customer: '当て逃げされたのに、なぜ私が払わなければならないのですか。免除してください。', draft: 'このため、今回のNOC 2万円を免除することはできません。', expect: { refusal: true }, why: 'h28ja-18' },
  { customer: '申告が遅れたらどうなりますか。', draft: '期限内にお手続きいただければ、延滞金の請求を受けることはありません。', expect: { refusal: false }, why: 'it will not happen: a reassurance, not a no (h16ja-15)' },
  { customer: 'パリのホテルでカードが使えません。', draft: '本日のご利用が、普段と異なる国での高額決済として不正利用検知システムに判定され、お取引を一時的に停止しておりました。', expect: { cause: true }, why: 'what a mechanism did, its agent marked with に (h28ja-14)' },
  { customer: '買って2年のエンジンが故障しました。保証で直してもらえないんですか。', draft: 'お客様の整備不足による故障のため、メーカー保証の対象外となります。', expect: { blame: true }, why: 'the customer\'s shortfall as the cause (h28ja-24)' },
  { customer: '処方薬の配送料が2回引き落とされています。', draft: '重複分の550円につきましては、本日付でクレジットカード会社へ返金の手続きを行いました。', expect: { state: 'resolved' }, why: 'the remedy\'s procedure carried out (h29ja-04)' },
  { customer: '出金申請から1週間、問い合わせは3回目です。', draft: '担当部署での確認に想定以上の時間がかかり、さらにその状況を窓口から正しくお伝えできておりませんでした。', expect: { cause: true }, why: 'the time a step took is why it was late (h32ja-11)' },
  { customer: '市の体育館の予約サイトが昨日からエラーで使えません。', draft: '6月4日の午後から、システムのサーバー機器に障害が発生しており、現在、保守業者が復旧作業を行っております。', expect: { cause: true }, why: 'the fault located in a part of ours (h31ja-28)' },
  { customer: '住宅ローンの審査に落ちました。自分の信用情報を確認したいのですが、どうすればよいですか。', draft: 'ご自身の信用情報は、以下の方法で開示をお申し込みいただけます。', expect: { problem: false }, why: 'an evaluation the customer did not pass is no failure of ours (h32ja-09)' },
  { customer: '今月の請求に、解約したはずのオプション料金が入っています。', draft: '誤ってご請求した770円は、3月分のご請求から差し引いて調整いたします。', expect: { commitment: true, state: 'scheduled' }, why: 'an adjustment with its month (h32ja-17)' },
  { customer: '引っ越し当日、トラックが予定より3時間遅れて来ました。', draft: '当日の作業で、お客様にご負担いただいた延長料金がある場合は、返金の対象となります。', expect: { cause: false }, why: 'an activity in a conditional sentence names when, not why (h31ja-10)' },
  { customer: '家族への海外送金が「審査中」のまま5日経ちます。', draft: '確認には通常より時間がかかる場合があり、担当部署にて確認を進めております。恐れ入りますが、今しばらくお待ちいただけますようお願い申し上げます。', expect: { selfService: false, alternative: false }, why: 'a check pending in its own clause; waiting is no way forward (h32ja-22)' },
  { customer: '注文したサイドブラシではなく、フィルターが届きました。', draft: '弊社倉庫での出荷作業の際、棚番号を読み違えて別の商品を梱包しておりました。', expect: { cause: true }, why: '読み|違える: a slip told as how it happened (h30ja-09)' },
  { customer: '木曜日も追加で利用したいのですが、お願いできませんか。', draft: '代わりに、次の方法をご提案させてください。', expect: { requests: [] }, why: 'leave asked for our own act is no request of effort (h29ja-10)' },
  { customer: '心当たりのないログイン通知が来ました。', draft: '他のサービスから流出したパスワードが使われた可能性が高いと考えております。', expect: { cause: true }, why: 'the likely cause, as a finding (h22ja-06)' },
  { customer: '電子書籍を返金してもらえますか。', draft: '電子書籍は閲覧された時点でご提供が完了する性質上、内容を理由としたご返金はいたしかねます。', expect: { cause: true }, why: '〜性質上: by reason of what the thing is (h22ja-08)' },
  { customer: 'オンライン授業の途中で何度も接続が切れました。', draft: '同日15時40分に設定を元に戻し、現在は正常に稼働しております。', expect: { state: 'resolved' }, why: 'working again now is over (h22ja-09)' },
  { customer: '残りの期間分は返金されますか？', draft: '現在の年額プランは更新日の前日までご利用いただけるため、残りの期間分のご返金は発生いたしません。', expect: { refusal: false }, why: 'what the billing comes to, with its reason (h22ja-14)' },
  { customer: 'パスワードを何回か間違えたらロックされました。今日中に家賃を振り込まないといけないのに、どうすればいいですか。', draft: 'アプリのロックは、5回続けて一致しなかった場合に自動的にかかる仕組みでございます。', expect: { problem: false, cause: true }, why: '〜ないといけない is must, not a failure; 仕組みでございます explains (h22ja-16)' },
  { customer: '無料プランに変えたいです。', draft: '約48GBのお写真が保存されているため、このままでは無料プランに変更できません。', expect: { refusal: false }, why: 'not as things stand: a condition to meet (h22ja-30)' },
  { customer: '14年一緒に暮らした愛犬が亡くなりました。保険の解約の手続きを教えてください。', draft: 'ご家族のお悲しみはいかばかりかと存じます。心よりお悔やみ申し上げます。', expect: { problem: false }, why: 'condolence meets a loss not of our making (h23ja-10)' },
  { customer: '台風で休講になった日のレッスン料が引き落とされていました。', draft: 'システムへの休講登録が漏れていたため、通常どおり引き落としとなっておりました。該当分のレッスン料は、7月27日の引き落とし時に差し引いて精算いたします。', expect: { state: 'scheduled' }, why: 'a dated settlement schedules the case (h23ja-28)' },
];

describe('Japanese case reading', () => {
  for (const c of cases) {
    it(`${c.customer ? `${c.customer.slice(0, 20)} → ` : ''}${c.draft.slice(0, 40)}${c.why ? ` (${c.why})` : ''}`, async () => {
      const engine = await testEngine();
      const doc = engine.analyzeText(c.draft);
      const customer = c.customer ? engine.analyzeText(c.customer) : undefined;
      const reading = readCase(doc, customer, { market: 'jp', ...(c.agentName ? { agentName: c.agentName } : {}) });
      const text = (span: { start: number; end: number } | undefined) => (span ? c.draft.slice(span.start, span.end) : undefined);
      for (const [key, want] of Object.entries(c.expect)) {
        if (key === 'dated') {
          expect(reading.commitment?.dated, 'dated').toBe(want);
          continue;
        }
        const got = reading[key as keyof CaseReading];
        if (key === 'requests') expect((got as { start: number; end: number }[]).map(text), key).toEqual(want);
        else if (typeof want === 'string' && typeof got === 'object') expect(text(got as { start: number; end: number }), key).toBe(want);
        else if (typeof want === 'boolean' && (got === undefined || typeof got === 'object')) expect(got !== undefined, key).toBe(want);
        else expect(got, key).toEqual(want);
      }
    });
  }
  it('reads a sentence that ends where a look-ahead would go past it (「返金をご希望です。」 threw)', async () => {
    const engine = await testEngine();
    for (const draft of ['返金をご希望です。', 'ご希望', 'お客様は返金をご希望です', '希望']) {
      expect(() => readCase(engine.analyzeText(draft), undefined, { market: 'jp' }), draft).not.toThrow();
      expect(engine.analyze(draft, { market: 'jp' }).errors, draft).toBeUndefined();
    }
  });

  it('reads nothing from a draft with no Japanese', async () => {
    const engine = await testEngine();
    const reading = readCase(engine.analyzeText('12345'), undefined, { market: 'jp' });
    expect(reading.problem).toBe(false);
    expect(reading.state).toBe('none');
  });
});
