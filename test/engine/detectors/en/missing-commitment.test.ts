import detector from '../../../../lib/engine/detectors/en/missing-commitment';
import { testDetector } from '../../../helpers/detector-tester';

const COMMIT = 'We will contact you again within 24 hours with an update.';

testDetector(detector, {
  valid: [
    { text: 'We sincerely apologize for the delay. We will contact you again within 24 hours.' },
    { text: 'We apologize for the error. I will update you by Friday.' },
    { text: 'We will email you tomorrow at 10 a.m. JST with the results.' },
    { text: 'Dear Mr. Tanaka,\nThank you for your order. The invoice is attached.', why: 'no problem, no promise needed' },
    { text: 'We apologize for the outage. We will send you a report in 2 business days.' },
    {
      text: 'We will get back to you soon. We will also update you by 5 p.m. today.',
      why: 'one dated commitment is enough; the vague one is covered',
    },
  ],
  invalid: [
    {
      text: 'We sincerely apologize for the delay. We are checking with the courier.',
      findings: [{ message: 'missing', span: '' }],
      output: `We sincerely apologize for the delay. We are checking with the courier. ${COMMIT}`,
    },
    {
      text: 'We apologize for the error. We will get back to you soon.',
      findings: [{ message: 'vague', span: 'soon', data: { replacement: 'within 24 hours' } }],
      output: 'We apologize for the error. We will get back to you within 24 hours.',
    },
    {
      text: 'We will let you know as soon as possible.',
      findings: [{ message: 'vague', span: 'as soon as possible' }],
      output: 'We will let you know within 24 hours.',
    },
    {
      text: 'We are investigating the problem and will get back to you.',
      findings: [{ message: 'undated', span: 'get back to you', data: { addition: 'within 24 hours' } }],
      output: 'We are investigating the problem and will get back to you within 24 hours.',
    },
    {
      text: 'Dear Ms. Sato,\n\nWe apologize for the billing error.\n\nBest regards,\nSam Lee',
      findings: [{ message: 'missing', span: '' }],
      output: `Dear Ms. Sato,\n\nWe apologize for the billing error. ${COMMIT}\n\nBest regards,\nSam Lee`,
    },
  ],
});
