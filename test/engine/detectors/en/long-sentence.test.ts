import detector from '../../../../lib/engine/detectors/en/long-sentence';
import { testDetector } from '../../../helpers/detector-tester';

const LONG_AND =
  'I checked your account this morning and saw that the payment was declined twice by the bank, and we have now retried it with the new card you added so everything should be back to normal today.';
const LONG_SEMI =
  'The export failed because the file was larger than the limit that your current plan allows for a single upload; splitting it into two smaller files or upgrading the plan will let it go through.';
const LONG_NO_SPLIT =
  'Our team in the Chicago warehouse double-checked every single item listed on the packing slip against the photographs that you kindly sent over yesterday afternoon before the shipment went out again.';

const para = (n: number) =>
  Array.from({ length: n }, (_, i) => `Step ${i + 1} of the setup asks you to confirm the settings for your account, team and billing details.`).join(' ');

testDetector(detector, {
  valid: [
    { text: 'Hi Jane, I checked your account. The payment went through, and your plan is active again.' },
    { text: 'Thanks for your patience! The replacement ships today by express and should arrive on Friday.' },
    { text: `${para(3)}`, why: 'three sentences of 18 words: not a wall' },
    { text: 'Hi Jane,\n\nStep one is done. Step two is done.\n\nBest,\nSam' },
    {
      text: 'I checked your account this morning and saw the payment was declined twice by the bank, so we retried it.',
      why: '21 words',
    },
    { text: 'ご不便をおかけして申し訳ございません。' + '本日中に再発送いたします。'.repeat(5), why: 'Japanese text is not this rule’s business' },
  ],
  invalid: [
    {
      text: LONG_AND,
      findings: [{ message: 'long', span: LONG_AND, data: { words: 37, max: 30 } }],
      output:
        'I checked your account this morning and saw that the payment was declined twice by the bank. We have now retried it with the new card you added so everything should be back to normal today.',
    },
    {
      text: `Hi Jane,\n${LONG_SEMI}`,
      findings: [{ message: 'long', span: LONG_SEMI }],
      output:
        'Hi Jane,\nThe export failed because the file was larger than the limit that your current plan allows for a single upload. Splitting it into two smaller files or upgrading the plan will let it go through.',
    },
    {
      text: LONG_NO_SPLIT,
      findings: [{ message: 'long', span: LONG_NO_SPLIT, data: { words: 31 } }],
    },
    {
      text: 'We looked into the sync problem you described in your last email, but the logs from your device show no errors at all during the last seven full days of activity.',
      findings: [{ message: 'long' }].map((f) => ({
        ...f,
        span: 'We looked into the sync problem you described in your last email, but the logs from your device show no errors at all during the last seven full days of activity.',
      })),
      output:
        'We looked into the sync problem you described in your last email. But the logs from your device show no errors at all during the last seven full days of activity.',
    },
    {
      text: para(7),
      findings: [{ message: 'wall', span: '', data: { words: 126, sentences: 7 } }],
      output: `${para(4)}\n\n${para(7).slice(para(4).length + 1)}`,
    },
    {
      text: LONG_AND,
      context: { market: 'jp' },
      findings: [{ message: 'long', span: LONG_AND }],
    },
  ],
});
