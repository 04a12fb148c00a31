import detector from '../../../../lib/engine/detectors/en/over-apology';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: "Sorry for the delay. I apologize for the mix-up. As an apology, we've credited your account.", why: '"as an apology" names compensation, not a third apology' },
    { text: "Hi Jane, I'm sorry the package is late. I've sent a replacement by express." },
    { text: "I'm sorry for the trouble. Sorry again for the wait — the replacement ships today.", why: 'two apologies are within the limit' },
    { text: 'Thanks for your patience! The replacement ships today.' },
    { text: 'We regret that the sale ended. Sorry! The code SAVE10 still works, though.', why: 'two apologies' },
    { text: 'ごめんなさい。申し訳ございません。大変失礼いたしました。', why: 'Japanese text is not this rule’s business' },
    { text: 'Sorry for the wait.\n\nThe refund is done.\n\nBest,\nSam' },
  ],
  invalid: [
    {
      text: "Sorry for the delay. I apologize for the confusion. We're so sorry the tracking page was wrong.",
      findings: [{ message: 'extra', span: 'sorry', data: { count: 3, max: 2 } }],
      output: 'Sorry for the delay. I apologize for the confusion.',
    },
    {
      text: "I'm so sorry. Again, I apologize. Apologies for the mix-up. Sorry once more!\nYour refund is on its way.",
      findings: [
        { message: 'extra', span: 'Apologies', data: { count: 3 } },
        { message: 'extra', span: 'Sorry', data: { count: 4 } },
      ],
      output: "I'm so sorry. Again, I apologize. Sorry once more!\nYour refund is on its way.",
    },
    {
      text: "Sorry for the wait.\nSorry about the mix-up.\nSorry, I've refunded the charge and you'll see it in 3 days.",
      findings: [{ message: 'extra', span: 'Sorry' }],
    },
    {
      text: 'Hi Jane,\nWe apologize for the outage.\nWe apologize for the missed update.\nWe apologize for any inconvenience.\n\nBest,\nSam',
      findings: [{ message: 'extra', span: 'apologize' }],
      output: 'Hi Jane,\nWe apologize for the outage.\nWe apologize for the missed update.\n\nBest,\nSam',
    },
    {
      text: 'Oops, my bad! Sorry about that. Apologies again, it was our mistake.',
      findings: [{ message: 'extra', span: 'Apologies' }],
      output: 'Oops, my bad! Sorry about that.',
    },
  ],
});
