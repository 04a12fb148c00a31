import detector from '../../../../lib/engine/detectors/ja/mt-calque';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: '弊社にて問題を把握しております。' },
    { text: '私どもとしても大変嬉しく存じます。', why: '私ども is how a Japanese agent says we' },
    { text: 'ご協力に感謝申し上げます。' },
    { text: '私が責任をもって対応いたします。', why: 'one person, 私' },
    { text: '認識に相違がございましたら、お知らせください。', why: '認識 as a noun, not “we are aware”' },
  ],
  invalid: [
    {
      text: '親愛なるお客様、',
      findings: [{ message: 'calqueDrop', span: '親愛なる' }],
      output: 'お客様、',
    },
    {
      text: '私たちはこの問題を認識しています。',
      findings: [
        { message: 'calque', span: '私たち', data: { natural: '弊社' } },
        { message: 'calque', span: '認識しています', data: { natural: '把握しております' } },
      ],
      output: '弊社はこの問題を認識しています。',
    },
    {
      text: '私達のチームが対応しております。',
      findings: [{ message: 'calque', span: '私達' }],
      output: '弊社のチームが対応しております。',
    },
    {
      text: '皆様のご意見に感謝します。',
      findings: [{ message: 'calque', span: '感謝します', data: { natural: '感謝申し上げます' } }],
      output: '皆様のご意見に感謝申し上げます。',
    },
  ],
});
