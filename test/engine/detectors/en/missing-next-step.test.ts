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
    {
      text: 'Unfortunately we will not be able to refund this order.',
      context: { customerMessage: 'My order arrived damaged.' },
      why: 'a refusal with no way forward is en/refusal-without-alternative’s finding (one finding per defect)',
    },
    {
      text: "Hi Jane, the charge can't be reversed. This is a known issue with our billing system.",
      why: 'a refusal: en/refusal-without-alternative’s finding; a refused remedy is not a next step either way',
    },
    {
      text: 'Hi Carla,\nSo sorry your order is late. The replacement will arrive by Friday at 8 p.m.',
      context: { customerMessage: 'My order still has not arrived.' },
      why: 'a dated remedy: the case is scheduled',
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
      text: 'Thanks for your patience.\nThe delay is caused by high demand.\nCheers!',
      findings: [{ message: 'missing', span: '' }],
      output: `Thanks for your patience.\nThe delay is caused by high demand. ${NEXT}\nCheers!`,
    },
    {
      text: "Hi Jake,\n\nI'm sorry the sync stopped. We've passed this to our engineering team.\n\nWarmly,\nAlex",
      context: { customerMessage: 'The sync stopped working yesterday.' },
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jake,\n\nI'm sorry the sync stopped. We've passed this to our engineering team. ${NEXT}\n\nWarmly,\nAlex`,
    },
    {
      text: "Hi Jake,\n\nI'm sorry the sync stopped. We are looking into it.\n\nOnward,\nAlex Kim\nSenior Support Engineer",
      context: { customerMessage: 'The sync stopped working yesterday.' },
      findings: [{ message: 'missing', span: '' }],
      output: `Hi Jake,\n\nI'm sorry the sync stopped. We are looking into it. ${NEXT}\n\nOnward,\nAlex Kim\nSenior Support Engineer`,
    },
    {
      text: 'Hello,\n\nYour package has been delayed. We are looking into it.\n\nRegards,\nAcme Support',
      context: { customerMessage: 'My package is 2 weeks late.' },
      findings: [{ message: 'missing', span: '' }],
      output: `Hello,\n\nYour package has been delayed. We are looking into it. ${NEXT}\n\nRegards,\nAcme Support`,
    },
  ],
});
