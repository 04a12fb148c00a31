import detector from '../../../../lib/engine/detectors/en/missing-apology-formal';
import { testDetector } from '../../../helpers/detector-tester';

const APOLOGY = 'We sincerely apologize for the inconvenience this has caused.';

testDetector(detector, {
  valid: [
    { text: 'Dear Mr. Tanaka,\nWe sincerely apologize for the delay in delivering your order.\nIt will arrive tomorrow.' },
    { text: 'Dear Ms. Sato,\nI am very sorry for the trouble with your account. It has been restored.' },
    { text: 'Please accept our apologies for the billing error.' },
    { text: 'Dear Mr. Tanaka,\nThank you for your inquiry. Please find the invoice attached.', why: 'no problem: nothing to apologise for' },
    {
      text: 'Dear Mr. Tanaka,\nThe manual is attached.',
      context: { customerMessage: 'Could you send me the manual?' },
      why: 'the customer reports no problem',
    },
    { text: 'We deeply regret the error in your invoice, and a corrected one is attached.' },
  ],
  invalid: [
    {
      text: 'Dear Mr. Tanaka,\nYour order was delayed at our warehouse. It will arrive tomorrow.',
      findings: [{ message: 'missing', span: '' }],
      output: `Dear Mr. Tanaka,\n${APOLOGY} Your order was delayed at our warehouse. It will arrive tomorrow.`,
    },
    {
      text: 'Sorry for the delay. Your order ships today.',
      findings: [{ message: 'casual', span: 'Sorry for', data: { formal: 'We sincerely apologize for' } }],
      output: 'We sincerely apologize for the delay. Your order ships today.',
    },
    {
      text: 'Dear Ms. Sato,\nThe invoice had the wrong amount, sorry about that!',
      findings: [{ message: 'casual', span: 'sorry about that', data: { formal: 'we sincerely apologize for this' } }],
      output: 'Dear Ms. Sato,\nThe invoice had the wrong amount, we sincerely apologize for this!',
    },
    {
      text: 'Oops, my bad. The link is fixed.',
      findings: [
        { message: 'casual', span: 'Oops', data: { formal: 'We apologize' } },
        { message: 'casual', span: 'my bad', data: { formal: 'we apologize for our mistake' } },
      ],
      output: 'We apologize, my bad. The link is fixed.',
    },
    {
      text: 'Dear Mr. Tanaka,\nWe checked the account.',
      context: { customerMessage: 'I cannot log in to my account since this morning.' },
      findings: [{ message: 'missing', span: '' }],
      output: `Dear Mr. Tanaka,\n${APOLOGY} We checked the account.`,
    },
  ],
});
