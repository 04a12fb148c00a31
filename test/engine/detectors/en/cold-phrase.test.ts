import detector from '../../../../lib/engine/detectors/en/cold-phrase';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: 'Per your request, I moved the delivery to Friday.', why: 'pointing at the request, not at the rules' },
    { text: 'According to the tracking page, it arrives Thursday.', why: 'a source of facts, not the rules' },
    { text: "Hi Jane, thanks for reaching out! I've refunded the order and you'll see it in 3–5 days." },
    { text: 'You must be so frustrated — I am on it.', why: '"you must be" is empathy, not an order' },
    { text: 'We are able to refund you today.' },
    { text: "I've read our policy page, and here's what it means for you.", why: 'mentions policy without hiding behind it' },
    { text: "Unfortunately the courier lost the parcel, so I've sent a new one today.", why: '"unfortunately" alone, followed by action, is not a brush-off' },
    { text: 'Our return policy gives you 30 days, so you have plenty of time.' },
    { text: 'Just so you know, your plan renews tomorrow.' },
  ],
  invalid: [
    // A form letter's receipt, by shape (h29en-19, h30en-30; the two dictionary entries it replaced).
    { text: 'Your inquiry has been received and noted. The 3G shutdown affects your device.', findings: [{ message: 'coldRemove', span: 'Your inquiry has been received and noted' }] },
    { text: 'Your concern has been noted.', findings: [{ message: 'coldRemove', span: 'Your concern has been noted' }] },
    { text: 'Your feedback has been noted.', findings: [{ message: 'coldRemove', span: 'Your feedback has been noted' }] },
    { text: 'Hello Andrea,\n\nYour repair request has been logged. Repairs are processed in order.', findings: [{ message: 'coldRemove', span: 'Your repair request has been logged' }] },
    {
      text: 'As per our policy, we cannot refund opened items.',
      findings: [{ message: 'coldRemove', span: 'As per our policy' }],
      output: 'We cannot refund opened items.',
    },
    {
      text: 'According to our policy, returns close after 30 days.',
      findings: [{ message: 'coldRemove', span: 'According to our policy' }],
      output: 'Returns close after 30 days.',
    },
    {
      text: 'Opened items cannot be refunded, according to our policy.',
      findings: [{ message: 'coldRemove', span: 'according to our policy' }],
      output: 'Opened items cannot be refunded.',
    },
    {
      text: 'Locker cancellations must be submitted in writing to the pro shop, per club policy.',
      findings: [{ message: 'coldRemove', span: 'per club policy' }],
      output: 'Locker cancellations must be submitted in writing to the pro shop.',
    },
    {
      text: 'Your request has been received and forwarded to the appropriate department.',
      findings: [{ message: 'cold', span: 'the appropriate department' }],
      output: 'Your request has been received and forwarded to the team that handles it.',
    },
    {
      text: 'Pursuant to Section I of your policy, flood damage is not covered.',
      findings: [{ message: 'cold', span: 'Pursuant to' }],
      output: 'Under Section I of your policy, flood damage is not covered.',
    },
    {
      text: 'Per our billing policy, invoices cannot be modified once they have been issued.',
      findings: [{ message: 'coldRemove', span: 'Per our billing policy' }],
      output: 'Invoices cannot be modified once they have been issued.',
    },
    {
      text: 'Per the rental agreement you signed at the counter, all toll usage is billed through TollPass.',
      findings: [{ message: 'coldRemove', span: 'Per the rental agreement you signed at the counter' }],
      output: 'All toll usage is billed through TollPass.',
    },
    {
      text: 'Per our policy, refunds take 10 days.',
      findings: [{ message: 'coldRemove', span: 'Per our policy' }],
      output: 'Refunds take 10 days.',
    },
    {
      text: 'Hi Sarah,\n\nAccording to our policy, worn items can be exchanged within 30 days.',
      findings: [{ message: 'coldRemove', span: 'According to our policy' }],
      output: 'Hi Sarah,\n\nWorn items can be exchanged within 30 days.',
    },
    {
      text: 'Thanks for writing. You must reset your password first.',
      findings: [{ message: 'cold', span: 'You must' }],
      output: "Thanks for writing. You'll need to reset your password first.",
    },
    {
      text: 'As previously stated, you failed to attach the receipt.',
      findings: [{ message: 'cold', span: 'you failed to' }],
      output: "As previously stated, it looks like you didn't attach the receipt.",
    },
    {
      text: 'Hello,\nUnfortunately we are unable to extend the trial.',
      findings: [{ message: 'cold', span: 'Unfortunately we are unable to' }],
      output: "Hello,\nWe're not able to extend the trial.",
    },
    {
      text: 'Kindly send the invoice number.',
      findings: [{ message: 'cold', span: 'Kindly', data: { rewrite: 'Please' } }],
      output: 'Please send the invoice number.',
    },
    {
      text: 'Thanks for asking! It is not possible to change the address now.',
      findings: [{ message: 'cold', span: 'It is not possible to' }],
      output: "Thanks for asking! We can't change the address now.",
    },
  ],
});
