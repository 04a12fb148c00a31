import detector from '../../../../lib/engine/detectors/en/first-name-familiarity';
import { testDetector } from '../../../helpers/detector-tester';

const tanaka = { customerName: 'Hiroshi Tanaka', agentName: 'Sam Lee' };
const BODY = 'Your replacement has shipped today and will arrive tomorrow.';

testDetector(detector, {
  valid: [
    { text: '田中様\nお世話になっております。ご注文の商品の配送が遅れております。\nOrder ID: ABC-123 ships today.\nよろしくお願いいたします。', why: 'a Japanese reply quoting one English line is not an English letter' },
    { text: `Dear Mr. Tanaka,\n\n${BODY}\n\nBest regards,\nSam Lee`, context: tanaka },
    { text: `Dear Ms. Sato,\n${BODY}\nSincerely,\nSam`, context: { customerName: 'Yuki Sato' } },
    { text: `Dear Tanaka-san,\n${BODY}\nKind regards,\nSam`, context: tanaka, why: '-san is respectful' },
    { text: `Dear Customer,\n${BODY}\nBest regards,\nAcme Support`, why: 'formal, if impersonal, without a known name' },
    { text: 'Thank you.', why: 'a one-line answer needs no salutation or sign-off' },
    { text: `Good morning Mr. Tanaka,\n${BODY}\nWith best regards,\nSam`, context: tanaka },
  ],
  invalid: [
    {
      text: `Hi Hiroshi,\n\n${BODY}\n\nBest regards,\nSam Lee`,
      context: tanaka,
      findings: [{ message: 'firstName', span: 'Hi Hiroshi', data: { formal: 'Dear Mr. Tanaka' } }],
      output: `Dear Mr. Tanaka,\n\n${BODY}\n\nBest regards,\nSam Lee`,
    },
    {
      text: `Hey there!\n${BODY}\nCheers,\nSam`,
      context: { customerName: 'TANAKA Hiroshi' },
      findings: [
        { message: 'casualGreeting', span: 'Hey there', data: { formal: 'Dear Mr. Tanaka' } },
        { message: 'casualClose', span: 'Cheers', data: { formal: 'Best regards' } },
      ],
      output: `Dear Mr. Tanaka!\n${BODY}\nCheers,\nSam`,
    },
    {
      text: `Hi Mr. Tanaka,\n${BODY}\nBest regards,\nSam`,
      context: tanaka,
      findings: [{ message: 'casualGreeting', span: 'Hi', data: { formal: 'Dear' } }],
      output: `Dear Mr. Tanaka,\n${BODY}\nBest regards,\nSam`,
    },
    {
      text: `Hi John,\n${BODY}\nBest regards,\nSam`,
      findings: [{ message: 'firstNameUnknown', span: 'Hi John' }],
    },
    {
      text: `${BODY} Please contact us with any questions.`,
      context: { customerName: 'Ms. Yuki Sato', agentName: 'Sam Lee' },
      findings: [
        { message: 'missingGreeting', span: '', data: { formal: 'Dear Ms. Sato' } },
        { message: 'missingClose', span: '' },
      ],
      output: `Dear Ms. Sato,\n\n${BODY} Please contact us with any questions.`,
    },
    {
      text: `Dear Mr. Tanaka,\n${BODY}\nSam Lee`,
      context: tanaka,
      findings: [{ message: 'missingClose', span: '', data: { formal: 'Best regards,' } }],
      output: `Dear Mr. Tanaka,\n${BODY}\nBest regards,\nSam Lee`,
    },
    {
      text: `Dear Mr. Tanaka,\n${BODY}\n`,
      context: tanaka,
      findings: [{ message: 'missingClose', span: '' }],
      output: `Dear Mr. Tanaka,\n${BODY}\n\nBest regards,\nSam Lee\n`,
    },
    {
      text: `Hello,\n${BODY}\nThanks!`,
      findings: [
        { message: 'casualGreeting', span: 'Hello', data: { formal: 'Dear Customer' } },
        { message: 'casualClose', span: 'Thanks' },
      ],
      output: `Dear Customer,\n${BODY}\nThanks!`,
    },
  ],
});
