import detector from '../../../../lib/engine/detectors/en/chat-register';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: 'Dear Mr. Tanaka,\n\nWe will ship the replacement as soon as possible.\n\nBest regards,\nSam Lee' },
    { text: 'Thank you for your patience. Please find the invoice attached.' },
    { text: "Mr. Tanaka's order left our warehouse today.", why: "a possessive 's is not a contraction" },
    {
      text: "Dear Mr. Tanaka,can't wait to hear back.",
      why: 'compromise reads "Tanaka,can\'t" (no space after the comma) as one term expanding to "ca not"; a fix that writes "Tanaka,ca not" is worse than a miss (issue 14, found by the property tests)',
    },
    { text: 'Thanks to the new update, the sync error no longer occurs.', why: '"thanks to" means "because of"' },
    { text: 'Hey Hiroshi,\nThe replacement has shipped.\nCheers!', why: 'greeting and sign-off are en/first-name-familiarity’s business' },
    { text: 'Do you use the U.S. or the Japanese store?', why: 'an abbreviation, not chat language' },
    { text: 'Refunds take 5–7 business days.', why: 'a number range is not a contraction' },
  ],
  invalid: [
    {
      text: "We're gonna ship it ASAP.",
      findings: [
        { message: 'contraction', span: "We're", data: { formal: 'We are' } },
        { message: 'slang', span: 'gonna', data: { formal: 'going to' } },
        { message: 'slang', span: 'ASAP', data: { formal: 'as soon as possible' } },
      ],
      output: "We are gonna ship it ASAP.",
    },
    {
      text: 'No worries, the refund is done!! 😊',
      findings: [
        { message: 'slang', span: 'No worries', data: { formal: 'Please do not worry' } },
        { message: 'exclamation', span: '!!' },
        { message: 'emoji', span: '😊' },
      ],
      output: 'Please do not worry, the refund is done!! 😊',
    },
    {
      text: "It's broken on our side, but it's been fixed and you can't see the error now.",
      findings: [
        { message: 'contraction', span: "It's", data: { formal: 'It is' } },
        { message: 'contraction', span: "it's", data: { formal: 'it has' } },
        { message: 'contraction', span: "can't", data: { formal: 'cannot' } },
      ],
      output: "It is broken on our side, but it's been fixed and you can't see the error now.",
    },
    {
      text: 'FYI the fix is live :)',
      findings: [
        { message: 'slang', span: 'FYI', data: { formal: 'For your information' } },
        { message: 'emoji', span: ':)' },
      ],
      output: 'For your information the fix is live :)',
    },
    {
      text: 'The fix is live lol.',
      findings: [{ message: 'slangRemove', span: 'lol' }],
      output: 'The fix is live.',
    },
    {
      text: 'Thanks for waiting, the parcel arrives Friday :-)',
      findings: [
        { message: 'slang', span: 'Thanks', data: { formal: 'Thank you' } },
        { message: 'emoji', span: ':-)' },
      ],
      output: 'Thank you for waiting, the parcel arrives Friday :-)',
    },
    {
      text: 'Really?! The parcel was returned to us.',
      findings: [{ message: 'exclamation', span: '?!' }],
      output: 'Really? The parcel was returned to us.',
    },
  ],
});
