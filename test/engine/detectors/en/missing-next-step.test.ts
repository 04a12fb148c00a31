import detector from '../../../../lib/engine/detectors/en/missing-next-step';
import { testDetector } from '../../../helpers/detector-tester';

const NEXT = "Here's what happens next: I'll keep working on this and update you within one business day.";

testDetector(detector, {
  valid: [
    { text: "Hi Jane, I'm sorry the package is late. I've sent a replacement by express." },
    { text: "Hi Jane, sorry about the double charge — I've refunded it, and you'll see it in 3–5 days." },
    { text: 'Hi Jane, sorry the app crashed. Please try signing in again now; the fix is live.' },
    { text: 'Hi Jane, your invoice is attached.', why: 'no problem reported: nothing to remedy' },
    { text: 'Sorry for the trouble with the export. As a workaround, download the CSV from the Reports tab.' },
    {
      text: 'Hi Jane,\nThanks for flagging the broken link. I will update the article by Friday.\n\nBest,\nSam',
      why: 'a dated next step',
    },
  ],
  invalid: [
    {
      text: "Hi Jane, I'm sorry your package is late. We are looking into it.",
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jane, I'm sorry your package is late. We are looking into it. ${NEXT}`,
    },
    {
      text: 'Hi Jane,\nSorry about the login error.\n\nBest regards,\nSam',
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jane,\nSorry about the login error. ${NEXT}\n\nBest regards,\nSam`,
    },
    {
      text: 'Unfortunately we will not be able to refund this order.',
      context: { customerMessage: 'My order arrived damaged.' },
      findings: [{ message: 'missing', span: '' }],
      output: `Unfortunately we will not be able to refund this order. ${NEXT}`,
    },
    {
      text: "Hi Jane, the charge can't be reversed. This is a known issue with our billing system.",
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jane, the charge can't be reversed. This is a known issue with our billing system. ${NEXT}`,
    },
    {
      text: 'Thanks for your patience.\nThe delay is caused by high demand.\nCheers!',
      findings: [{ message: 'missing', span: '' }],
      output: `Thanks for your patience.\nThe delay is caused by high demand. ${NEXT}\nCheers!`,
    },
  ],
});
