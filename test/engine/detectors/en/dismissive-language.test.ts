import detector from '../../../../lib/engine/detectors/en/dismissive-language';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: "We froze your card to stop any more charges. That's why it was declined at the store.", why: 'a card declined is a fact, not a ruling (h24en-02)' },
    { text: 'As I mentioned, the fix is live — thanks for your patience!', why: 'a personal reminder with warmth is fine' },
    { text: "I'll close this ticket, but you can reply here anytime.", why: 'closing a ticket is not closing the door' },
    { text: 'Your card was declined, so the order is on hold until you update it.', why: 'a declined card is a fact, not a ruling' },
    { text: 'Please see the guide I linked below; step 3 is the one you need.' },
  ],
  invalid: [
    {
      text: 'Your claim is therefore declined.',
      findings: [{ message: 'verdict', span: 'is therefore declined' }],
    },
    {
      text: 'As previously mentioned, refunds are only available within 14 days.',
      findings: [{ message: 'reminder', span: 'As previously mentioned' }],
      output: 'Refunds are only available within 14 days.',
    },
    {
      text: 'As noted in my previous email, tracking numbers are sent once the order ships.',
      findings: [{ message: 'reminder', span: 'As noted in my previous email' }],
      output: 'Tracking numbers are sent once the order ships.',
    },
    {
      text: 'Please refer to our Terms of Service, section 4.2.',
      findings: [{ message: 'referral', span: 'Please refer to our' }],
      output: "You'll find the details in our Terms of Service, section 4.2.",
    },
    {
      text: 'Your refund request is therefore denied. We consider this matter closed.',
      findings: [
        { message: 'verdict', span: 'is therefore denied' },
        { message: 'closure', span: 'consider this matter closed' },
      ],
    },
    { text: 'Your claim has been rejected.', findings: [{ message: 'verdict', span: 'has been rejected' }] },
    {
      text: 'However, I must point out that the trial ended on May 3.',
      findings: [{ message: 'lecture', span: 'However, I must point out that' }],
      output: 'The trial ended on May 3.',
    },
    {
      text: 'We are not responsible for packages delivered to the address you provided.',
      findings: [{ message: 'disclaimer', span: 'We are not responsible for' }],
    },
    { text: 'The charge is therefore valid and cannot be refunded.', findings: [{ message: 'verdict', span: 'is therefore valid' }] },
  ],
});
