import detector from '../../../../lib/engine/detectors/en/missing-cause';
import { testDetector } from '../../../helpers/detector-tester';

const CAUSE = 'We are investigating the cause of this issue and will explain it to you as soon as it has been identified.';

testDetector(detector, {
  valid: [
    { text: "We apologize for the double charge. Here's what happened: our billing system created the new plan before it cancelled the old one." },
    { text: '田中様\nお世話になっております。ご注文の商品の配送が遅れております。\nOrder ID: ABC-123 ships today.\nよろしくお願いいたします。', why: 'a Japanese reply quoting one English line: ja/missing-cause’s business' },
    { text: 'We sincerely apologize for the delay. It was caused by a system error in our warehouse.' },
    { text: 'We sincerely apologize. This happened because the card on file had expired.' },
    { text: 'We apologize for the outage; the root cause was a faulty update, which we have rolled back.' },
    { text: 'Dear Mr. Tanaka,\nThank you for your order. It ships today.', why: 'no problem to explain' },
    { text: 'Due to a label printing error, your parcel was sent to the wrong depot.', why: '"due to" explains the cause' },
    { text: 'We have traced it to an expired certificate, and the service is back.' },
  ],
  invalid: [
    {
      text: 'Dear Mr. Tanaka,\nWe sincerely apologize for the delay. Your order will arrive tomorrow.',
      findings: [{ message: 'missing', span: '', data: { template: 'This was caused by …' } }],
      output: `Dear Mr. Tanaka,\nWe sincerely apologize for the delay. ${CAUSE} Your order will arrive tomorrow.`,
    },
    {
      text: 'Dear Ms. Sato,\nThe login error has been fixed.',
      findings: [{ message: 'missing', span: '' }],
      output: `Dear Ms. Sato,\n${CAUSE} The login error has been fixed.`,
    },
    {
      text: 'The replacement will ship today.',
      context: { customerMessage: 'The item I received is damaged.' },
      findings: [{ message: 'missing', span: '' }],
      output: `${CAUSE} The replacement will ship today.`,
    },
    {
      text: 'Dear Mr. Tanaka,\n\nWe apologize for the double charge.\n\nThe extra charge has been refunded.\n\nBest regards,\nSam',
      findings: [{ message: 'missing', span: '' }],
      output: `Dear Mr. Tanaka,\n\nWe apologize for the double charge. ${CAUSE}\n\nThe extra charge has been refunded.\n\nBest regards,\nSam`,
    },
    {
      text: 'Sorry, the app crashed again. We have released version 2.4.',
      findings: [{ message: 'missing', span: '' }],
      output: `Sorry, the app crashed again. ${CAUSE} We have released version 2.4.`,
    },
  ],
});
