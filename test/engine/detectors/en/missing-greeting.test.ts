import detector from '../../../../lib/engine/detectors/en/missing-greeting';
import { testDetector } from '../../../helpers/detector-tester';

const jane = { customerName: 'Jane Doe' };

testDetector(detector, {
  valid: [
    { text: "Dear Mr. and Mrs. Harper,\n\nThank you for telling us about your stay, and I'm truly sorry.\n\nElena Park", context: { customerName: 'Mr. and Mrs. Harper' }, why: 'a couple, greeted by their family name (h27en-16)' },
    { text: 'Hi José,\n\nThanks for catching this. We reissued your certificate as José García.\n\nMaya', context: { customerName: 'José García' }, why: 'a name with an accent is one word (h26en-08)' },
    { text: 'Dear Larry,\n\nTwelve years! It has been a real pleasure working with you on so many sales.', context: { customerName: 'Lawrence Whitfield' }, why: 'Larry is Lawrence (h18en-25)' },
    { text: "Sorry about that, Kim — that's not the dinner you were looking forward to. I've refunded the full $23.40 to your card.", context: { customerName: 'Kim Tran' }, why: 'the first words speak to the customer by name (h16en-17)' },
    { text: 'Absolutely, Mrs. Lindqvist — the bell desk will hold your bags for free until you leave for the airport.', context: { customerName: 'Ingrid Lindqvist' }, why: 'addressed by title and family name (h16en-21)' },
    { text: 'Hi {{ticket.requester.first_name}},\n\nYour refund went through today; it shows on your card in 3–5 days.\n\nBest,\nSam', why: 'a helpdesk placeholder names the customer (a Zendesk macro)' },
    { text: 'Hello,\n\nThanks for reaching out! Two-factor authentication is under Settings > Security; turn on "Require a code".\n\nBest,\nSam', why: 'no name known, but the opening thanks the customer' },
    { text: '田中様\nお世話になっております。ご注文の商品の配送が遅れております。\nOrder ID: ABC-123 ships today.\nよろしくお願いいたします。', why: 'a Japanese reply quoting one English line is not an English letter' },
    { text: 'Hi Jane,\n\nYour refund went through today and should show up within 3–5 days.', context: jane },
    { text: 'Thanks for reaching out! Your refund went through today and should show up soon.', context: jane, why: 'thanks for reaching out is a warm opening on its own' },
    { text: 'Hello Ms. Doe,\nI have updated the billing address on your account as requested.', context: jane, why: 'greeting by family name is by name' },
    { text: 'Hi there,\nI have updated the billing address on your account as requested.', why: 'no name known: "there" is the best we can do' },
    { text: 'Done — refunded!', why: 'a one-line chat answer needs no letter-style opening' },
    { text: 'Thank you for your order, Jane! It left our warehouse this morning.', context: jane, why: 'opening gratitude is warm' },
    { text: 'ご注文ありがとうございます。本日発送いたしました。', why: 'Japanese text is not this rule’s business' },
  ],
  invalid: [
    {
      text: 'Hello,\n\nPlease refer to our Help Center article on two-factor authentication. All steps are outlined there.\n\nRidgeway Bank Online Support',
      findings: [{ message: 'bare', span: 'Hello', data: { word: 'Hello' } }],
    },
    {
      text: 'Your refund went through today and should show up within 3–5 days.',
      context: jane,
      findings: [{ message: 'missing', span: '' }],
      output: 'Hi Jane, thanks for reaching out! Your refund went through today and should show up within 3–5 days.',
    },
    {
      text: 'I checked your order.\nIt shipped this morning and the tracking number is 1Z999.',
      findings: [{ message: 'missing', span: '' }],
      output: 'Hi there, thanks for reaching out!\n\nI checked your order.\nIt shipped this morning and the tracking number is 1Z999.',
    },
    {
      text: 'High priority tickets are answered first, and yours is now at the top of our queue.',
      context: { customerName: 'Jane' },
      findings: [{ message: 'missing', span: '' }],
      output: 'Hi Jane, thanks for reaching out! High priority tickets are answered first, and yours is now at the top of our queue.',
    },
    {
      text: 'Hello,\nI have updated the billing address on your account as requested.',
      context: jane,
      findings: [{ message: 'noName', span: 'Hello', data: { name: 'Jane' } }],
      output: 'Hello Jane,\nI have updated the billing address on your account as requested.',
    },
    {
      text: 'Dear Customer,\nI have updated the billing address on your account as requested.',
      context: jane,
      findings: [{ message: 'standIn', span: 'Customer', data: { standIn: 'Customer', name: 'Jane' } }],
      output: 'Dear Jane,\nI have updated the billing address on your account as requested.',
    },
    {
      text: 'Hi John,\nI have updated the billing address on your account as requested.',
      context: jane,
      findings: [{ message: 'otherName', span: 'John', data: { written: 'John', name: 'Jane' } }],
      output: 'Hi Jane,\nI have updated the billing address on your account as requested.',
    },
  ],
});
